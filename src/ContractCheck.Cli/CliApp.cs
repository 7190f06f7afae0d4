using System.CommandLine;
using ContractCheck.Core;

namespace ContractCheck.Cli;

/// <summary>
/// The command line: parses arguments, runs the command, and turns every outcome into one exit code.
/// User errors print one message with the place and the fix (never a stack trace).
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, Output output, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("ContractCheck checks a live HTTP API against its OpenAPI spec and the team's design tables (a YAML rules file), and reports to the console and as JUnit XML.\n\nStart with: contractcheck demo");
        root.Add(RunCommand.Create(output, () => cancellationToken));
        root.Add(RunCommand.CreateBaseline(output, () => cancellationToken));
        root.Add(DemoCommand.Create(output, () => cancellationToken));
        root.Add(ChecksCommand.Create(output));
        root.Add(InitCommand.Create(output, () => cancellationToken));
        root.Add(SchemaCommand.Create(output));

        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = new ConsoleWriter(output), Error = output.Error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                output.Fail(error.Message);
            }

            output.Error.WriteLine($"see: contractcheck {string.Join(' ', parse.CommandResult.Command.Name == root.Name ? [] : new[] { parse.CommandResult.Command.Name })} --help".Replace("  ", " "));
            return ExitCodes.InputError;
        }

        try
        {
            return await parse.InvokeAsync(config, cancellationToken);
        }
        catch (ContractCheckException e)
        {
            output.Fail(e.Describe());
            return e.Kind == ErrorKind.Unreachable ? ExitCodes.Unreachable : ExitCodes.InputError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.Fail("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            output.Fail($"internal error, a ContractCheck bug — please report it with the command you ran: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("CONTRACTCHECK_DEBUG") is "1")
            {
                output.Error.WriteLine(e);
            }

            return ExitCodes.InternalError;
        }
    }

    // System.CommandLine writes help to a TextWriter; route it to the same console as the report.
    private sealed class ConsoleWriter(Output output) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => output.Console.Profile.Out.Writer.Write(value);

        public override void Write(string? value) => output.Console.Profile.Out.Writer.Write(value);
    }
}
