using System.Text;
using System.Xml;
using ContractCheck.Core.Checks;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// JUnit XML for CI (valid against Jenkins' junit-10.xsd): one testsuite per operation, one testcase per probe × check.
/// A failure's message says expected vs actual; its text holds the rule, the curl reproduction and the response. A first
/// suite "ContractCheck run" carries the run's properties, the design and spec warnings and the clean-up. Secrets are
/// masked. As probes end, each testcase is kept as the few strings it writes (evidence only for failures); the file
/// is written at the end with an <see cref="XmlWriter"/>, operations in plan order.
/// </summary>
public sealed class JUnitReporter : IReporter
{
    /// <summary>The name of the first suite, which carries the run's properties and its clean-up.</summary>
    public const string RunSuiteName = "ContractCheck run";

    private readonly Func<Stream> _open;
    private readonly List<ProbeCases> _probes = [];
    private RunStarted? _run;

    public JUnitReporter(string path)
        : this(() => ReportFile.Open(path))
    {
    }

    public JUnitReporter(Func<Stream> open)
    {
        _open = open;
    }

    public void Begin(RunStarted run) => _run = run;

    public void Probe(ProbeResults probe)
    {
        var r = _run!.Redactor;
        var cases = ReportCase.Of(probe).Select(c => Compact(c, r)).ToList();
        var ticks = probe.Results.Select(x => x.Exchange).OfType<Execution.Exchange>().Distinct().Sum(e => e.Elapsed.Ticks);
        _probes.Add(new ProbeCases(probe.Index, probe.Outcome.Probe.Operation, ticks, cases));
    }

    public void End(RunFinished run)
    {
        using var stream = _open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        Write(xml, run);
    }

    /// <summary>One testcase as it is written: the strings and counts it needs, nothing of the exchange.</summary>
    private sealed record Case(string Name, string ClassName, long Ticks, Outcome Outcome, string Check, string? Message = null, string? Text = null);

    private sealed record ProbeCases(int Index, Spec.ApiOperation Operation, long Ticks, IReadOnlyList<Case> Cases);

    private static Case Compact(ReportCase c, Redactor r)
    {
        var name = Clean(c.Name);
        var classname = Clean("contractcheck." + c.Operation.Key);
        switch (c.Outcome)
        {
            case Outcome.Failed:
            case Outcome.Error:
                var problems = c.Problems.ToList();
                return new Case(name, classname, c.Time.Ticks, c.Outcome, c.Check, Clean(r.Text(Message(problems[0].Finding))), Clean(string.Join("\n\n", problems.GroupBy(p => p.Exchange).Select(g => Evidence(g.ToList(), r)))));
            case Outcome.Passed when c.Results.Select(x => x.Exchange?.Burst).FirstOrDefault(b => b is not null) is { } burst:
                return new Case(name, classname, c.Time.Ticks, c.Outcome, c.Check, Text: Clean(burst.Summary));
            case Outcome.Skipped:
                return new Case(name, classname, c.Time.Ticks, c.Outcome, c.Check, Clean(r.Text(c.Results[0].Finding.Message)));
            default:
                return new Case(name, classname, c.Time.Ticks, c.Outcome, c.Check);
        }
    }

    private void Write(XmlWriter xml, RunFinished run)
    {
        var report = run.Run;
        var operations = _probes.OrderBy(p => p.Index).GroupBy(p => p.Operation).ToList();
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "ContractCheck: " + Clean(report.Spec.Title));
        xml.WriteAttributeString("tests", (run.Totals.Cases + RunCases(report)).ToString());
        xml.WriteAttributeString("failures", run.Failed.ToString());
        xml.WriteAttributeString("errors", run.Errors.ToString());
        xml.WriteAttributeString("time", Seconds(run.Duration));

        RunSuite(xml, run);
        foreach (var operation in operations)
        {
            var cases = operation.SelectMany(p => p.Cases).ToList();
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", Clean(operation.Key.DisplayName));
            xml.WriteAttributeString("tests", cases.Count.ToString());
            xml.WriteAttributeString("failures", cases.Count(c => c.Outcome == Outcome.Failed).ToString());
            xml.WriteAttributeString("errors", cases.Count(c => c.Outcome == Outcome.Error).ToString());
            xml.WriteAttributeString("skipped", cases.Count(c => c.Outcome == Outcome.Skipped).ToString());
            xml.WriteAttributeString("time", Seconds(TimeSpan.FromTicks(operation.Sum(p => p.Ticks))));
            xml.WriteAttributeString("timestamp", report.Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss"));
            xml.WriteAttributeString("hostname", report.BaseUrl.Authority);
            xml.WriteAttributeString("package", "contractcheck");
            foreach (var c in cases)
            {
                TestCase(xml, c);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    // The run suite's testcases: the clean-up, and the design warnings when strict: true makes them failures.
    private static int RunCases(RunStarted report) => 1 + (report.DesignWarningsFail ? report.DesignWarnings.Count : 0);

    private static void RunSuite(XmlWriter xml, RunFinished run)
    {
        var report = run.Run;
        var strictFailures = report.DesignWarningsFail ? report.DesignWarnings : [];
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", RunSuiteName);
        xml.WriteAttributeString("tests", RunCases(report).ToString());
        xml.WriteAttributeString("failures", strictFailures.Count.ToString());
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("time", Seconds(run.Duration));
        xml.WriteAttributeString("timestamp", report.Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss"));
        xml.WriteAttributeString("hostname", report.BaseUrl.Authority);
        xml.WriteStartElement("properties");
        Property(xml, "spec", report.Spec.Source);
        Property(xml, "openapi", report.Spec.Version);
        Property(xml, "baseUrl", report.Redactor.Url(report.BaseUrl));
        Property(xml, "rules", string.Join(", ", report.Rules.Sources));
        Property(xml, "seed", report.Plan.Seed.ToString());
        Property(xml, "requests", run.RequestsSent.ToString());
        xml.WriteEndElement();

        // Everything the run created is deleted again: said as a testcase, the items left (if any) in its output.
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", "clean-up");
        xml.WriteAttributeString("classname", "contractcheck.run");
        xml.WriteAttributeString("time", "0");
        xml.WriteElementString("system-out", Clean($"created {run.Created}, deleted {run.Deleted}" + string.Concat(run.Cleanup.Where(c => !c.Deleted).Select(c => $"\nleft on the server: {c.Item.Path} ({c.Detail})"))));
        xml.WriteEndElement();

        foreach (var w in strictFailures)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", Clean($"design: {w.Place}"));
            xml.WriteAttributeString("classname", "contractcheck.design");
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", "design");
            xml.WriteAttributeString("message", Clean(w.Message));
            xml.WriteString(Clean($"table row: {w.Table}"));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        var notes = new StringBuilder();
        foreach (var w in report.DesignWarnings)
        {
            notes.AppendLine($"design warning: {w.Place}: {w.Message} ({w.Table})");
        }

        foreach (var w in report.Spec.Warnings)
        {
            notes.AppendLine($"spec warning: {w}");
        }

        foreach (var c in run.Cleanup)
        {
            notes.AppendLine($"clean-up: {c.Item.Path} {(c.Deleted ? "deleted" : "LEFT ON THE SERVER")} ({c.Detail})");
        }

        foreach (var renewal in run.TokenRenewals)
        {
            notes.AppendLine("token: " + renewal);
        }

        foreach (var alarm in run.Alarms)
        {
            notes.AppendLine(alarm);
        }

        if (notes.Length > 0)
        {
            xml.WriteElementString("system-out", Clean(notes.ToString()));
        }

        xml.WriteEndElement();
    }

    private static void TestCase(XmlWriter xml, Case c)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", c.Name);
        xml.WriteAttributeString("classname", c.ClassName);
        xml.WriteAttributeString("time", Seconds(TimeSpan.FromTicks(c.Ticks)));
        switch (c.Outcome)
        {
            case Outcome.Failed:
            case Outcome.Error:
                xml.WriteStartElement(c.Outcome == Outcome.Failed ? "failure" : "error");
                xml.WriteAttributeString("type", c.Check);
                xml.WriteAttributeString("message", c.Message);
                xml.WriteString(c.Text);
                xml.WriteEndElement();
                break;
            case Outcome.Passed when c.Text is not null:
                xml.WriteElementString("system-out", c.Text);
                break;
            case Outcome.Skipped:
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", c.Message);
                xml.WriteEndElement();
                break;
        }

        xml.WriteEndElement();
    }

    private static string Message(Finding f) =>
        f.Expected is null && f.Actual is null ? $"{f.Title}: {f.Message}" : $"{f.Title}: expected {f.Expected ?? "-"}, got {f.Actual ?? "-"}";

    private static string Evidence(List<CheckResult> results, Redactor r)
    {
        var sb = new StringBuilder();
        foreach (var f in results.Select(x => x.Finding))
        {
            sb.AppendLine($"{f.Title}: {r.Text(f.Message)}");
            if (f.Expected is not null || f.Actual is not null)
            {
                sb.AppendLine($"expected: {r.Text(f.Expected ?? "-")}");
                sb.AppendLine($"actual:   {r.Text(f.Actual ?? "-")}");
            }

            if (f.Source is not null)
            {
                sb.AppendLine($"rule: {f.Source}");
            }
        }

        if (results[0].Exchange is { } exchange)
        {
            sb.AppendLine();
            sb.AppendLine("reproduce:");
            sb.AppendLine(CurlCommand.For(exchange.Request, r));
            if (exchange.Response is { } response)
            {
                sb.AppendLine();
                sb.AppendLine("response:");
                sb.AppendLine(ResponseSummary.For(response, r));
            }
            else if (exchange.Error is { } error)
            {
                sb.AppendLine();
                sb.AppendLine("no response: " + error);
            }
        }

        return sb.ToString().TrimEnd();
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", Clean(value));
        xml.WriteEndElement();
    }

    // Surefire's time type: seconds with at most three decimals.
    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###");

    /// <summary>Drops characters XML 1.0 cannot hold (control bytes from a binary body, lone surrogates).</summary>
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('\uFFFD');
            }
        }

        return sb.ToString();
    }
}
