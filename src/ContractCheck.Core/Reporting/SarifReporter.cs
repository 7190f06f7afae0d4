using System.Text.Encodings.Web;
using System.Text.Json;
using ContractCheck.Core.Checks;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// SARIF 2.1.0 (<c>--sarif</c>) for code-review tools such as GitHub code scanning: one rule per check id (its
/// description as help, its RFC as helpUri), one result per finding, located at the operation's line in the spec
/// file (the spec path relative to the working directory, as the repository names it), with the finding's fingerprint
/// as <c>partialFingerprints</c> so an alert follows the defect across runs. Against a baseline, known findings are
/// <c>unchanged</c> and new ones <c>new</c>. Written at the end from the findings; secrets are masked.
/// </summary>
public sealed class SarifReporter : IReporter
{
    /// <summary>The key of the fingerprint in <c>partialFingerprints</c>.</summary>
    public const string FingerprintKey = "contractcheckFingerprint/v1";

    private const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private readonly Func<Stream> _open;

    public SarifReporter(string path)
        : this(() => ReportFile.Open(path))
    {
    }

    public SarifReporter(Func<Stream> open)
    {
        _open = open;
    }

    public void Begin(RunStarted run)
    {
    }

    public void Probe(ProbeResults probe)
    {
    }

    public void End(RunFinished run)
    {
        using var stream = _open();
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var rules = Rules(run);
        var artifact = ArtifactUri(run.Run.Spec.Source);
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "ContractCheck");
        json.WriteString("version", RunStarted.ToolVersion);
        json.WriteString("semanticVersion", RunStarted.ToolVersion);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            Rule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("automationDetails");
        json.WriteString("id", $"contractcheck/{run.Run.Spec.Title}/{(run.Run.Plan.Shard is { } shard ? $"shard-{shard.Index}-of-{shard.Count}" : "")}");
        json.WriteEndObject();
        json.WriteStartArray("artifacts");
        json.WriteStartObject();
        json.WriteStartObject("location");
        json.WriteString("uri", artifact);
        json.WriteEndObject();
        json.WriteStartObject("description");
        json.WriteString("text", $"The OpenAPI document of {run.Run.Spec.Title}");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("results");
        foreach (var finding in run.Findings)
        {
            Result(json, finding, rules.FindIndex(r => r.Id == finding.Check), artifact, run);
        }

        json.WriteEndArray();
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", run.Stopped is null && !run.Cancelled);
        json.WriteStartObject("properties");
        json.WriteString("target", run.Run.Redactor.Url(run.Run.BaseUrl));
        json.WriteNumber("seed", run.Run.Plan.Seed);
        json.WriteString("summary", run.Summary);
        json.WriteString("coverage", run.Coverage.Summary);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private sealed record RuleInfo(string Id, string Title, string Description, string? Reference);

    // Every built-in check, and any other check id a finding names (a probe's own, a check added later).
    private static List<RuleInfo> Rules(RunFinished run)
    {
        var titles = run.Findings.GroupBy(f => f.Check).ToDictionary(g => g.Key, g => g.First().Title);
        var rules = BuiltInChecks.All.Select(c => new RuleInfo(c.Id, titles.GetValueOrDefault(c.Id) ?? c.Id, c.Description, c.Reference)).ToList();
        foreach (var (id, title) in titles.Where(t => rules.All(r => r.Id != t.Key)))
        {
            rules.Add(new RuleInfo(id, title, title, CheckReferences.Of(id)));
        }

        return rules;
    }

    private static void Rule(Utf8JsonWriter json, RuleInfo rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", string.Concat(rule.Id.Split('-').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", Sentence(rule.Description));
        json.WriteEndObject();
        json.WriteStartObject("help");
        var why = rule.Reference is null ? "" : $" See {rule.Reference}.";
        json.WriteString("text", $"ContractCheck check '{rule.Id}': {Sentence(rule.Description)}{why} Switch it off in the rules file with checks: {{{rule.Id}: off}}.");
        json.WriteString("markdown", $"ContractCheck check `{rule.Id}`: {Sentence(rule.Description)}{(rule.Reference is null ? "" : $" See [{rule.Reference}]({rule.Reference}).")} Switch it off in the rules file with `checks: {{{rule.Id}: off}}`.");
        json.WriteEndObject();
        if (rule.Reference is not null)
        {
            json.WriteString("helpUri", rule.Reference);
        }

        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", "error");
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue("api-contract");
        json.WriteStringValue(rule.Id == "no-leak" ? "security" : "http");
        json.WriteEndArray();
        json.WriteString("precision", "high");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Result(Utf8JsonWriter json, ReportedFinding f, int ruleIndex, string artifact, RunFinished run)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", f.Check);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", "error");
        json.WriteStartObject("message");
        json.WriteString("text", $"{f.Operation.Key} {f.Probe}{(f.Step is null ? "" : $" ({f.Step})")}: {f.Title}. {f.Message}" + (f.Expected is null && f.Actual is null ? "" : $" (expected {f.Expected ?? "-"}, actual {f.Actual ?? "-"})"));
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", artifact);
        json.WriteNumber("index", 0);
        json.WriteEndObject();
        if (run.Run.Spec.Lines.Of(f.Operation.Path, f.Operation.IsUndeclared ? null : f.Operation.Method) is { } line)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", line);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("name", f.Operation.OperationId ?? f.Operation.Key);
        json.WriteString("fullyQualifiedName", f.Operation.Key);
        json.WriteString("kind", "function");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, f.Fingerprint);
        json.WriteEndObject();
        if (run.Baseline is not null)
        {
            json.WriteString("baselineState", f.Baseline == BaselineState.Known ? "unchanged" : "new");
        }

        if (f.Occurrences > 1)
        {
            json.WriteNumber("occurrenceCount", f.Occurrences);
        }

        json.WriteStartObject("properties");
        if (f.Title == StatusIsExpected.BypassTitle)
        {
            json.WriteStartArray("tags");
            json.WriteStringValue("security");
            json.WriteEndArray();
        }

        json.WriteString("operation", f.Operation.Key);
        json.WriteString("probe", f.Probe);
        if (f.Step is not null)
        {
            json.WriteString("step", f.Step);
        }

        Optional(json, "expected", f.Expected);
        Optional(json, "actual", f.Actual);
        Optional(json, "rule", f.Rule);
        Optional(json, "reproduce", f.Reproduce);
        Optional(json, "response", f.Response);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : ".");

    /// <summary>The spec as the repository names it: a path relative to the working directory, with forward slashes; a URL as it is.</summary>
    public static string ArtifactUri(string source)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return source;
        }

        var full = Path.GetFullPath(source);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        var path = (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative).Replace('\\', '/');
        return Uri.EscapeDataString(path).Replace("%2F", "/", StringComparison.Ordinal);
    }
}
