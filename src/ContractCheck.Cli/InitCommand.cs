using System.CommandLine;
using ContractCheck.Core;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Cli;

/// <summary><c>contractcheck init</c>: write a commented rules file (and the schema editors check it with) from a spec.</summary>
internal static class InitCommand
{
    public static Command Create(Output output, Func<CancellationToken> token)
    {
        var spec = new Option<string>("--spec", "-s") { Description = "The OpenAPI (3.0, 3.1, 3.2) or Swagger 2.0 document to start from: a YAML or JSON file, or an http(s) URL.", Required = true, HelpName = "path|url" };
        var baseUrl = new Option<string?>("--base-url", "-u") { Description = "Where the API runs, for the run command written at the top of the file (nothing is sent).", HelpName = "url" };
        var outPath = new Option<string?>("--out", "-o") { Description = "Where to write the rules file. Default: contractcheck.yaml beside the spec (where run finds it without --rules); for a spec URL, in the current directory.", HelpName = "path" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing rules file." };
        var command = new Command("init", $"Write a commented contractcheck.yaml for a spec: the auth block for its security schemes (with ${{ENV}} placeholders), the error schema it documents, bursts for documented rate limits, the creates that document 409, and every other option commented out with its default. Also writes {RulesSchema.FileName} beside it, for editors. Refuses to overwrite an existing rules file unless --force. Reads the spec only: nothing is sent.");
        command.Add(spec);
        command.Add(baseUrl);
        command.Add(outPath);
        command.Add(force);
        command.SetAction(parse =>
        {
            var specPath = parse.GetValue(spec)!;
            var target = parse.GetValue(outPath) ?? DefaultPath(specPath);
            if (File.Exists(target) && !parse.GetValue(force))
            {
                throw new ContractCheckException($"'{target}' already exists", null, "init does not overwrite a rules file: choose another path with --out, or add --force to replace it");
            }

            var url = parse.GetValue(baseUrl);
            if (url is not null)
            {
                RunCommand.ParseBaseUrl(url);
            }

            var loaded = new SpecLoader().Load(specPath, token());
            Files.Write(target, RulesTemplate.Write(loaded, specPath, url), "--out");
            output.Console.Profile.Out.Writer.WriteLine($"wrote {target}: rules for {loaded.Title}, {loaded.Operations.Count} operations — review it, then run:");
            output.Console.Profile.Out.Writer.WriteLine($"  contractcheck run --spec {specPath}{(RunSettings.RulesBeside(specPath) == Path.GetFullPath(target) ? "" : " --rules " + target)} --base-url {url ?? "http://localhost:8080"}");

            // The schema the first line names, beside the rules file: generated, so rewritten when it differs.
            var schema = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target)) ?? ".", RulesSchema.FileName);
            var text = RulesSchema.Generate();
            if (!File.Exists(schema) || File.ReadAllText(schema) != text)
            {
                Files.Write(schema, text, "the schema file");
                output.Console.Profile.Out.Writer.WriteLine($"wrote {schema} (for editors; refresh with contractcheck schema --out after upgrading)");
            }

            return ExitCodes.Passed;
        });
        return command;
    }

    // Beside the spec, where run finds it (the path as the user wrote the spec's); for a spec URL, here.
    private static string DefaultPath(string spec) =>
        spec.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || spec.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? RunSettings.RulesFileName
            : Path.Combine(Path.GetDirectoryName(spec) ?? "", RunSettings.RulesFileName);
}
