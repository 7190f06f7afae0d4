using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// The whole run as one JSON document (<c>--json</c>) for scripts and dashboards, described by the JSON Schema in
/// <c>schemas/contractcheck-report.schema.json</c>: the tool and its version, the spec, target, rules and seed; every
/// probe with its outcome and its exchanges summarised (method, URL, status, time — no bodies), written to the file as
/// each probe ends; then the findings with fingerprints and evidence, design and spec warnings, the coverage matrix,
/// the baseline, the clean-up and the summary. Secrets are masked.
/// </summary>
public sealed class JsonReporter : IReporter
{
    /// <summary>The version of the document's shape; a change that breaks readers raises it.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Func<Stream> _open;
    private Stream? _stream;
    private Utf8JsonWriter? _json;
    private Redactor _redactor = Redactor.None;

    public JsonReporter(string path)
        : this(() => ReportFile.Open(path))
    {
    }

    public JsonReporter(Func<Stream> open)
    {
        _open = open;
    }

    public void Begin(RunStarted run)
    {
        _redactor = run.Redactor;
        _stream = _open();
        var json = _json = new Utf8JsonWriter(_stream, Options);
        json.WriteStartObject();
        json.WriteNumber("reportVersion", FormatVersion);
        json.WriteStartObject("tool");
        json.WriteString("name", "ContractCheck");
        json.WriteString("version", RunStarted.ToolVersion);
        json.WriteEndObject();
        json.WriteStartObject("spec");
        json.WriteString("source", run.Spec.Source);
        json.WriteString("title", run.Spec.Title);
        json.WriteString("version", run.Spec.Version);
        json.WriteEndObject();
        json.WriteString("baseUrl", run.Redactor.Url(run.BaseUrl));
        json.WriteStartArray("rules");
        foreach (var source in run.Rules.Sources)
        {
            json.WriteStringValue(source);
        }

        json.WriteEndArray();
        json.WriteNumber("seed", run.Plan.Seed);
        if (run.Plan.Shard is { } shard)
        {
            json.WriteString("shard", shard.ToString());
        }

        json.WriteString("started", run.Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        json.WriteStartArray("probes");
    }

    public void Probe(ProbeResults probe)
    {
        var json = _json!;
        var r = _redactor;
        var cases = ReportCase.Of(probe);
        var verdict = ProbeVerdict.Of(cases);
        var p = probe.Outcome.Probe;
        json.WriteStartObject();
        json.WriteNumber("index", probe.Index);
        Operation(json, p.Operation);
        json.WriteString("probe", p.DisplayName);
        json.WriteString("kind", p.Kind);
        json.WriteString("stage", Schedule.StageName(p.Stage));
        json.WriteString("outcome", Name(verdict.Outcome));
        if (verdict.Outcome == Outcome.Skipped && verdict.Reason is { } reason)
        {
            json.WriteString("reason", r.Text(reason));
        }

        json.WriteStartObject("checks");
        json.WriteNumber("passed", cases.Count(c => c.Outcome == Outcome.Passed));
        json.WriteNumber("failed", cases.Count(c => c.Outcome == Outcome.Failed));
        json.WriteNumber("errors", cases.Count(c => c.Outcome == Outcome.Error));
        json.WriteNumber("skipped", cases.Count(c => c.Outcome == Outcome.Skipped));
        json.WriteEndObject();
        json.WriteStartArray("exchanges");
        foreach (var exchange in probe.Outcome.Exchanges.Where(e => !e.NotSent))
        {
            json.WriteStartObject();
            json.WriteString("step", exchange.Planned.Step);
            json.WriteString("method", exchange.Request.Method);
            json.WriteString("url", r.Url(exchange.Request.Url));
            if (exchange.Response is { } response)
            {
                json.WriteNumber("status", response.Status);
            }
            else
            {
                json.WriteNull("status");
                json.WriteString("error", r.Text(exchange.Error ?? "no response"));
            }

            json.WriteNumber("ms", Math.Round(exchange.Elapsed.TotalMilliseconds, 1));
            if (exchange.Burst is { } burst)
            {
                json.WriteString("burst", burst.Summary);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    public void End(RunFinished run)
    {
        var json = _json!;
        json.WriteEndArray();
        Findings(json, run);
        Warnings(json, run.Run);
        Coverage(json, run);
        Baseline(json, run.Baseline);
        Cleanup(json, run);
        json.WriteStartObject("summary");
        json.WriteBoolean("success", run.Success);
        json.WriteString("line", run.Summary);
        json.WriteNumber("passed", run.Passed);
        json.WriteNumber("failed", run.Failed);
        json.WriteNumber("skipped", run.Skipped);
        json.WriteNumber("errors", run.Errors);
        json.WriteNumber("findings", run.Findings.Count);
        json.WriteNumber("requests", run.RequestsSent);
        json.WriteNumber("durationMs", Math.Round(run.Duration.TotalMilliseconds));
        json.WriteBoolean("cancelled", run.Cancelled);
        json.WriteString("stopped", run.Stopped);
        json.WriteEndObject();
        json.WriteEndObject();
        json.Dispose();
        _stream!.Dispose();
    }

    private static void Findings(Utf8JsonWriter json, RunFinished run)
    {
        json.WriteStartArray("findings");
        foreach (var f in run.Findings)
        {
            json.WriteStartObject();
            json.WriteString("fingerprint", f.Fingerprint);
            Operation(json, f.Operation);
            json.WriteString("probe", f.Probe);
            json.WriteString("kind", f.Kind);
            json.WriteString("step", f.Step);
            json.WriteString("check", f.Check);
            json.WriteString("outcome", Name(f.Outcome));
            json.WriteString("title", f.Title);
            json.WriteString("message", f.Message);
            json.WriteString("expected", f.Expected);
            json.WriteString("actual", f.Actual);
            json.WriteString("rule", f.Rule);
            json.WriteString("reproduce", f.Reproduce);
            json.WriteString("response", f.Response);
            if (f.Status is { } status)
            {
                json.WriteNumber("status", status);
            }
            else
            {
                json.WriteNull("status");
            }

            json.WriteNumber("occurrences", f.Occurrences);
            json.WriteString("baseline", run.Baseline is null ? null : f.Baseline == BaselineState.Known ? "known" : "new");
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Warnings(Utf8JsonWriter json, RunStarted run)
    {
        json.WriteStartArray("designWarnings");
        foreach (var w in run.DesignWarnings)
        {
            json.WriteStartObject();
            json.WriteString("place", w.Place);
            json.WriteString("operation", w.Operation?.Key);
            json.WriteString("message", w.Message);
            json.WriteString("table", w.Table);
            json.WriteBoolean("fails", run.DesignWarningsFail);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("specWarnings");
        foreach (var w in run.Spec.Warnings)
        {
            json.WriteStartObject();
            json.WriteString("message", w.Message);
            json.WriteString("pointer", w.Pointer);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Coverage(Utf8JsonWriter json, RunFinished run)
    {
        var coverage = run.Coverage;
        json.WriteStartObject("coverage");
        json.WriteNumber("operations", coverage.Operations.Count);
        json.WriteNumber("exercised", coverage.Exercised);
        json.WriteNumber("percent", Math.Round(coverage.Percent, 1));
        if (run.MinCoverage is { } min)
        {
            json.WriteNumber("minimum", min);
        }
        else
        {
            json.WriteNull("minimum");
        }

        json.WriteBoolean("met", run.CoverageMet);
        json.WriteStartArray("rows");
        foreach (var row in coverage.Operations)
        {
            json.WriteStartObject();
            Operation(json, row.Operation);
            json.WriteBoolean("exercised", row.Exercised);
            json.WriteStartArray("probes");
            foreach (var cell in row.Probes)
            {
                json.WriteStartObject();
                json.WriteString("kind", cell.Kind);
                json.WriteNumber("planned", cell.Planned);
                json.WriteNumber("sent", cell.Sent);
                json.WriteNumber("passed", cell.Passed);
                json.WriteNumber("failed", cell.Failed);
                json.WriteNumber("skipped", cell.Skipped);
                Strings(json, "skipReasons", cell.SkipReasons.Select(run.Run.Redactor.Text));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("statuses");
            Strings(json, "documented", row.Documented);
            Numbers(json, "seen", row.Seen);
            Strings(json, "neverSeen", row.NeverSeen);
            Numbers(json, "undocumented", row.Undocumented);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Baseline(Utf8JsonWriter json, BaselineComparison? baseline)
    {
        if (baseline is null)
        {
            json.WriteNull("baseline");
            return;
        }

        json.WriteStartObject("baseline");
        json.WriteString("file", baseline.Path);
        json.WriteNumber("new", baseline.New);
        json.WriteNumber("known", baseline.Known);
        Entries(json, "fixed", baseline.Fixed);
        Entries(json, "notChecked", baseline.NotChecked);
        json.WriteEndObject();
    }

    private static void Entries(Utf8JsonWriter json, string name, IEnumerable<BaselineEntry> entries)
    {
        json.WriteStartArray(name);
        foreach (var e in entries)
        {
            json.WriteStartObject();
            json.WriteString("fingerprint", e.Fingerprint);
            json.WriteString("operation", e.Operation);
            json.WriteString("probe", e.Probe);
            json.WriteString("step", e.Step);
            json.WriteString("check", e.Check);
            json.WriteString("title", e.Title);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Cleanup(Utf8JsonWriter json, RunFinished run)
    {
        var r = run.Run.Redactor;
        json.WriteStartObject("cleanup");
        json.WriteNumber("created", run.Created);
        json.WriteNumber("deleted", run.Deleted);
        json.WriteStartArray("left");
        foreach (var item in run.Cleanup.Where(c => !c.Deleted))
        {
            json.WriteStartObject();
            json.WriteString("item", r.Text(item.Item.Path));
            json.WriteString("detail", r.Text(item.Detail));
            json.WriteString("reproduce", item.Request is { } request ? CurlCommand.For(request, r) : null);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Operation(Utf8JsonWriter json, Spec.ApiOperation operation)
    {
        json.WriteString("operation", operation.Key);
        json.WriteString("operationId", operation.OperationId);
        json.WriteBoolean("declared", !operation.IsUndeclared);
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void Numbers(Utf8JsonWriter json, string name, IEnumerable<int> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    private static string Name(Outcome outcome) => outcome.ToString().ToLowerInvariant();
}
