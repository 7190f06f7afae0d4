using System.CommandLine;
using ContractCheck.Core;

namespace ContractCheck.Cli;

/// <summary><c>contractcheck run</c>: check a live API against its spec and rules.</summary>
internal static class RunCommand
{
    public static Command Create(Output output, Func<CancellationToken> token) => Build(
        "run",
        "Check a running API against its OpenAPI spec and rules file.\n\nExit codes: 0 all checks passed, 1 contract failures (with --baseline: findings not in it) or fewer operations exercised than --min-coverage asks, 2 usage/spec/rules error, 3 API unreachable or stopped answering (3 requests in a row got no answer), 4 internal error, 130 cancelled (Ctrl-C or SIGTERM; clean-up and the partial reports still happen).",
        output,
        token,
        record: null);

    /// <summary><c>contractcheck baseline --out FILE</c>: run the check and record today's findings as the baseline.</summary>
    public static Command CreateBaseline(Output output, Func<CancellationToken> token)
    {
        var file = new Option<string>("--out", "-o") { Description = "Where to write the baseline (sorted, one finding per line: commit it beside the API).", DefaultValueFactory = _ => Core.Reporting.Baseline.DefaultFile, HelpName = "file" };
        return Build(
            "baseline",
            $"Run the check like 'run' and record every finding it makes as the baseline (default {Core.Reporting.Baseline.DefaultFile}, overwritten). Then 'run --baseline FILE' fails only on findings not in it, and reports the known ones as known and the fixed ones as fixed; 'run --update-baseline' records again.\n\nExit codes: 0 the baseline was written (whatever it found), 2 usage/spec/rules error, 3 API unreachable or stopped answering (nothing written), 4 internal error, 130 cancelled (nothing written).",
            output,
            token,
            file);
    }

    private static Command Build(string name, string description, Output output, Func<CancellationToken> token, Option<string>? record)
    {
        var spec = new Option<string>("--spec", "-s") { Description = "The OpenAPI (3.0, 3.1, 3.2) or Swagger 2.0 document: a YAML or JSON file, or an http(s) URL.", Required = true, HelpName = "path|url" };
        var baseUrl = new Option<string?>("--base-url", "-u") { Description = "Where the API runs, e.g. http://localhost:8080 (a path prefix such as /api is kept). Only this origin is contacted.", HelpName = "url" };
        var rules = new Option<string?>("--rules", "-r") { Description = "The rules file (YAML) with your design tables. Default: contractcheck.yaml beside the spec if it exists, else the built-in rules only.", HelpName = "path" };
        var header = new Option<string[]>("--header", "-H") { Description = "Add a header to every request, e.g. 'Authorization: Bearer $TOKEN'. Credential values are masked in every report. Repeatable.", HelpName = "'Name: value'" };
        var common = new CommonOptions();

        var command = new Command(name, description);
        command.Add(spec);
        command.Add(baseUrl);
        command.Add(rules);
        command.Add(header);
        if (record is not null)
        {
            command.Add(record);
        }

        common.AddTo(command);

        command.SetAction(async (parse, _) =>
        {
            var specPath = parse.GetValue(spec)!;
            var url = parse.GetValue(baseUrl);
            if (url is null && !parse.GetValue(common.DryRun))
            {
                throw new ContractCheckException("--base-url is required (where the API runs)", null, "add --base-url http://localhost:8080, or --dry-run to only list the planned requests");
            }

            var settings = new RunSettings
            {
                Spec = specPath,
                Rules = parse.GetValue(rules) ?? RunSettings.RulesBeside(specPath),
                BaseUrl = ParseBaseUrl(url ?? "http://localhost/"),
                Plan = Runner.PlanOptions(parse, common, Runner.Headers(parse.GetValue(header))),
            };
            return await Runner.RunAsync(settings, parse, common, output, token(), record is null ? null : parse.GetValue(record));
        });
        return command;
    }

    public static Uri ParseBaseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            throw new ContractCheckException($"--base-url '{text}' is not an http(s) URL", null, "write it in full, for example http://localhost:8080");
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new ContractCheckException($"--base-url '{text}' has a query or fragment", null, "give only scheme, host, port and an optional path prefix");
        }

        return uri;
    }
}
