using ContractCheck.Tests;

namespace ContractCheck.Cli.Tests;

/// <summary>Runs the contractcheck command in-process with stdout and stderr captured as plain text.</summary>
public static class CliRunner
{
    public static Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => RunAsync(_ => null, args);

    /// <summary>Runs with these environment variables (GITHUB_STEP_SUMMARY) visible to the command.</summary>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(Func<string, string?> environment, params string[] args)
    {
        var stdout = new TextConsole();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, new Output(stdout.Console, stderr) { Environment = environment });
        return (exit, stdout.Text, stderr.ToString());
    }
}
