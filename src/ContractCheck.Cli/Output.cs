using ContractCheck.Core.Reporting;
using Spectre.Console;

namespace ContractCheck.Cli;

/// <summary>Where the command writes: the report console (stdout) and the error stream (stderr).</summary>
public sealed record Output(IAnsiConsole Console, TextWriter Error)
{
    /// <summary>How much the console report shows when <c>--output</c> is not given.</summary>
    public OutputMode DefaultMode { get; init; } = OutputMode.Full;

    /// <summary>True on an interactive terminal: a progress line may be drawn (never into redirected output).</summary>
    public bool Live { get; init; }

    /// <summary>The environment the command reads (GITHUB_STEP_SUMMARY); none by default, the process's for the process.</summary>
    public Func<string, string?> Environment { get; init; } = _ => null;

    /// <summary>
    /// The process's own stdout and stderr; colour only on a terminal, wide lines when redirected so curl commands stay
    /// whole. Redirected in CI (the <c>CI</c> variable set, as every CI service does), the report shows only failures.
    /// </summary>
    public static Output ForProcess()
    {
        var redirected = System.Console.IsOutputRedirected;
        var noColor = !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("NO_COLOR"));
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

        var ci = System.Environment.GetEnvironmentVariable("CI") is { Length: > 0 } value && value is not ("false" or "0");
        return new Output(console, System.Console.Error)
        {
            DefaultMode = redirected && ci ? OutputMode.Failures : OutputMode.Full,
            Live = !redirected && console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi,
            Environment = System.Environment.GetEnvironmentVariable,
        };
    }

    public void Fail(string message) => Error.WriteLine("error: " + message);
}
