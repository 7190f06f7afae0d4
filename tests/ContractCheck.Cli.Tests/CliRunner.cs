using Spectre.Console;

namespace ContractCheck.Cli.Tests;

/// <summary>Runs the contractcheck command in-process with stdout and stderr captured as plain text.</summary>
public static class CliRunner
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(stdout),
        });
        console.Profile.Width = 4096;
        var exit = await CliApp.RunAsync(args, new Output(console, stderr));
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
