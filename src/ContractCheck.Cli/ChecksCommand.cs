using System.CommandLine;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;
using Spectre.Console;

namespace ContractCheck.Cli;

/// <summary><c>contractcheck checks</c>: list the check ids, probe kinds and built-in rule sets a rules file can name.</summary>
internal static class ChecksCommand
{
    public static Command Create(Output output)
    {
        var command = new Command("checks", "List the checks, probe kinds and built-in rule sets (the ids a rules file uses).");
        command.SetAction(_ =>
        {
            var console = output.Console;
            console.MarkupLine("[bold]Checks[/] (switch off in a rules file with checks: {id: off})");
            var width = BuiltInChecks.All.Max(c => c.Id.Length);
            foreach (var check in BuiltInChecks.All)
            {
                console.MarkupLine($"  {Markup.Escape(check.Id.PadRight(width))} {Markup.Escape(check.Description)}");
            }

            console.MarkupLine("[bold]Probes[/] (tune under probes: in a rules file)");
            foreach (var probe in ProbeKinds.All)
            {
                console.MarkupLine($"  {Markup.Escape(probe.Id)}");
            }

            console.MarkupLine("[bold]Built-in rule sets[/] (extends: [[...]])");
            foreach (var name in BuiltInRuleSets.Names)
            {
                console.MarkupLine($"  {Markup.Escape(name)}");
            }

            return 0;
        });
        return command;
    }
}
