using ContractCheck.Tests;

namespace ContractCheck.Cli.Tests;

/// <summary>Runs the contractcheck command in-process with stdout and stderr captured as plain text.</summary>
public static class CliRunner
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new TextConsole();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, new Output(stdout.Console, stderr));
        return (exit, stdout.Text, stderr.ToString());
    }
}
