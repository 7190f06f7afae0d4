using Spectre.Console;

namespace ContractCheck.Cli;

/// <summary>Where the command writes: the report console (stdout) and the error stream (stderr).</summary>
public sealed record Output(IAnsiConsole Console, TextWriter Error)
{
    /// <summary>The process's own stdout and stderr; colour only on a terminal, wide lines when redirected so curl commands stay whole.</summary>
    public static Output ForProcess()
    {
        var redirected = System.Console.IsOutputRedirected;
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(System.Console.Out),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected || noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = 4096;
        }

        return new Output(console, System.Console.Error);
    }

    public void Fail(string message) => Error.WriteLine("error: " + message);
}
