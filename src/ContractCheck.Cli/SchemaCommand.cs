using System.CommandLine;
using ContractCheck.Core;
using ContractCheck.Core.Rules;

namespace ContractCheck.Cli;

/// <summary><c>contractcheck schema</c>: print (or write) the JSON Schema of the rules file.</summary>
internal static class SchemaCommand
{
    public static Command Create(Output output)
    {
        var outPath = new Option<string?>("--out", "-o") { Description = "Write the schema to this file instead of printing it (overwritten: it is generated).", HelpName = "path" };
        var command = new Command("schema", $"Print the JSON Schema of the rules file (contractcheck.yaml): every key, what it holds, its default. Editors with a YAML language server validate and complete a rules file whose first line is '# yaml-language-server: $schema={RulesSchema.FileName}' with the schema saved beside it (contractcheck init writes both; after upgrading ContractCheck, refresh it with contractcheck schema --out {RulesSchema.FileName}).");
        command.Add(outPath);
        command.SetAction(parse =>
        {
            var schema = RulesSchema.Generate();
            if (parse.GetValue(outPath) is { } path)
            {
                Files.Write(path, schema, "--out");
                output.Console.Profile.Out.Writer.WriteLine($"wrote {path}");
                return ExitCodes.Passed;
            }

            output.Console.Profile.Out.Writer.Write(schema);
            return ExitCodes.Passed;
        });
        return command;
    }
}
