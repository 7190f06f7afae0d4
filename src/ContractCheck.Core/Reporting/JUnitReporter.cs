using System.Text;
using System.Xml;
using ContractCheck.Core.Checks;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// JUnit XML for CI (valid against Jenkins' junit-10.xsd): one testsuite per operation, one testcase
/// per probe × check. A failure's message says expected vs actual; its text holds the rule, the curl
/// reproduction and the response. A first suite "contractcheck" carries the run's properties and
/// the design and spec warnings. Secrets are masked.
/// </summary>
public sealed class JUnitReporter : IReporter
{
    private readonly Func<Stream> _open;

    public JUnitReporter(string path)
        : this(() => ReportFile.Open(path))
    {
    }

    public JUnitReporter(Func<Stream> open)
    {
        _open = open;
    }

    public void Report(RunReport report)
    {
        using var stream = _open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        Write(xml, report);
    }

    private static void Write(XmlWriter xml, RunReport report)
    {
        var r = report.Redactor;
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "ContractCheck: " + Clean(report.Spec.Title));
        xml.WriteAttributeString("tests", (report.Cases.Count + (report.DesignWarningsFail ? report.DesignWarnings.Count : 0)).ToString());
        xml.WriteAttributeString("failures", report.Failed.ToString());
        xml.WriteAttributeString("errors", report.Errors.ToString());
        xml.WriteAttributeString("time", Seconds(report.Duration));

        RunSuite(xml, report);
        foreach (var operation in report.ByOperation())
        {
            var cases = operation.ToList();
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", Clean(operation.Key.DisplayName));
            xml.WriteAttributeString("tests", cases.Count.ToString());
            xml.WriteAttributeString("failures", cases.Count(c => c.Outcome == Outcome.Failed).ToString());
            xml.WriteAttributeString("errors", cases.Count(c => c.Outcome == Outcome.Error).ToString());
            xml.WriteAttributeString("skipped", cases.Count(c => c.Outcome == Outcome.Skipped).ToString());
            xml.WriteAttributeString("time", Seconds(TimeSpan.FromTicks(cases.SelectMany(c => c.Results).Select(r => r.Exchange).OfType<Execution.Exchange>().Distinct().Sum(e => e.Elapsed.Ticks))));
            xml.WriteAttributeString("timestamp", report.Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss"));
            xml.WriteAttributeString("hostname", report.BaseUrl.Authority);
            xml.WriteAttributeString("package", "contractcheck");
            foreach (var c in cases)
            {
                TestCase(xml, c, r);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void RunSuite(XmlWriter xml, RunReport report)
    {
        var strictFailures = report.DesignWarningsFail ? report.DesignWarnings : [];
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", "contractcheck");
        xml.WriteAttributeString("tests", strictFailures.Count.ToString());
        xml.WriteAttributeString("failures", strictFailures.Count.ToString());
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("time", Seconds(report.Duration));
        xml.WriteAttributeString("timestamp", report.Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss"));
        xml.WriteStartElement("properties");
        Property(xml, "spec", report.Spec.Source);
        Property(xml, "openapi", report.Spec.Version);
        Property(xml, "baseUrl", report.Redactor.Url(report.BaseUrl));
        Property(xml, "rules", string.Join(", ", report.Rules.Sources));
        Property(xml, "seed", report.Plan.Seed.ToString());
        Property(xml, "requests", report.RequestsSent.ToString());
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

        foreach (var c in report.Cleanup)
        {
            notes.AppendLine($"clean-up: {c.Item.Path} {(c.Deleted ? "deleted" : "LEFT ON THE SERVER")} ({c.Detail})");
        }

        if (notes.Length > 0)
        {
            xml.WriteElementString("system-out", Clean(notes.ToString()));
        }

        xml.WriteEndElement();
    }

    private static void TestCase(XmlWriter xml, ReportCase c, Redactor r)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", Clean(c.Name));
        xml.WriteAttributeString("classname", Clean("contractcheck." + c.Operation.Key));
        xml.WriteAttributeString("time", Seconds(c.Time));
        switch (c.Outcome)
        {
            case Outcome.Failed:
            case Outcome.Error:
                var problems = c.Problems.ToList();
                var first = problems[0].Finding;
                xml.WriteStartElement(c.Outcome == Outcome.Failed ? "failure" : "error");
                xml.WriteAttributeString("type", c.Check);
                xml.WriteAttributeString("message", Clean(r.Text(Message(first))));
                xml.WriteString(Clean(string.Join("\n\n", problems.GroupBy(p => p.Exchange).Select(g => Evidence(g.ToList(), r)))));
                xml.WriteEndElement();
                break;
            case Outcome.Passed when c.Results.Select(r => r.Exchange?.Burst).FirstOrDefault(b => b is not null) is { } burst:
                xml.WriteElementString("system-out", Clean(burst.Summary));
                break;
            case Outcome.Skipped:
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", Clean(r.Text(c.Results[0].Finding.Message)));
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
