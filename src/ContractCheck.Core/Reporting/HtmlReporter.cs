using System.Globalization;
using System.Text;
using ContractCheck.Core.Checks;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// One self-contained HTML page (<c>--html</c>) to read a run in a browser: the verdict and totals at the top, then the
/// failures first — one row each, filterable by operation, probe kind and check, each opening to expected vs actual,
/// the response (status line, headers, the first bytes of the body) and the curl that reproduces it — then the design
/// warnings, the coverage matrix and the clean-up. Styles and the small filter script are inline: the page loads
/// nothing from anywhere, and reads as plain HTML without its script. Written at the end from the findings, which are
/// masked already; every text is HTML-escaped.
/// </summary>
public sealed class HtmlReporter : IReporter
{
    private static readonly string Style = Asset("report.css");
    private static readonly string Script = Asset("report.js");

    private readonly Func<Stream> _open;

    public HtmlReporter(string path)
        : this(() => ReportFile.Open(path))
    {
    }

    public HtmlReporter(Func<Stream> open)
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
        var html = new StringBuilder();
        Write(html, run);
        using var stream = _open();
        stream.Write(Encoding.UTF8.GetBytes(html.ToString()));
    }

    private static void Write(StringBuilder html, RunFinished run)
    {
        var report = run.Run;
        var (verdict, tone) = run.Verdict switch
        {
            RunVerdict.Passed => ("passed", "passed"),
            RunVerdict.Stopped => ("stopped early", "stopped"),
            RunVerdict.Cancelled => ("cancelled", "stopped"),
            _ => ("failed", "failed"),
        };
        html.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>ContractCheck: ").Append(E(report.Spec.Title)).Append(" — ").Append(verdict).Append("</title>\n");
        html.Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        Header(html, run, verdict, tone);
        html.Append("<nav class=\"toc\"><a href=\"#failures\">Failures (").Append(run.Findings.Count).Append(")</a>");
        html.Append("<a href=\"#design-warnings\">Design warnings (").Append(report.DesignWarnings.Count).Append(")</a>");
        html.Append("<a href=\"#coverage\">Coverage</a><a href=\"#cleanup\">Clean-up</a></nav>\n<main>\n");
        Failures(html, run);
        DesignWarnings(html, report);
        Coverage(html, run);
        Cleanup(html, run);
        html.Append("</main>\n<footer>ContractCheck ").Append(E(RunStarted.ToolVersion)).Append(" · started ")
            .Append(report.Started.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))
            .Append(" · secrets are shown as *** and, in reproductions, as the environment variable to set.</footer>\n");
        html.Append("<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
    }

    private static void Header(StringBuilder html, RunFinished run, string verdict, string tone)
    {
        var report = run.Run;
        html.Append("<header class=\"top ").Append(tone).Append("\">\n<h1>ContractCheck: ").Append(E(report.Spec.Title)).Append("<span class=\"verdict\">").Append(verdict).Append("</span></h1>\n");
        html.Append("<p class=\"meta\">spec <code>").Append(E(report.Spec.Source)).Append("</code> (").Append(report.Spec.IsSwagger2 ? "Swagger" : "OpenAPI").Append(' ').Append(E(report.Spec.Version))
            .Append(") · target <code>").Append(E(report.Redactor.Url(report.BaseUrl))).Append("</code> · rules ").Append(E(string.Join(", ", report.Rules.Sources)))
            .Append(" · seed <code>").Append(report.Plan.Seed).Append("</code>").Append(report.Plan.Shard is { } shard ? " · shard " + E(shard.ToString()) : "").Append("</p>\n");
        html.Append("<dl class=\"totals\">");
        Total(html, "failures", run.Findings.Count.ToString(CultureInfo.InvariantCulture), run.Findings.Count > 0 ? "fail" : "pass");
        Total(html, "checks failed", run.Failed.ToString(CultureInfo.InvariantCulture), run.Failed > 0 ? "fail" : "");
        Total(html, "checks passed", run.Passed.ToString(CultureInfo.InvariantCulture), "pass");
        Total(html, "skipped", run.Skipped.ToString(CultureInfo.InvariantCulture), "");
        if (run.Errors > 0)
        {
            Total(html, "errors", run.Errors.ToString(CultureInfo.InvariantCulture), "fail");
        }

        Total(html, "requests", $"{run.RequestsSent} in {run.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s", "small");
        Total(html, "coverage", run.Coverage.Summary, run.CoverageMet ? "small" : "small fail");
        if (run.Baseline is { } baseline)
        {
            Total(html, "baseline", $"{baseline.New} new · {baseline.Known} known · {baseline.Fixed.Count} fixed", baseline.New > 0 ? "small fail" : "small");
        }

        html.Append("</dl>\n");
        if (run.Alarms.Count > 0)
        {
            html.Append("<div class=\"alarms\">");
            foreach (var alarm in run.Alarms)
            {
                html.Append("<p>").Append(E(alarm)).Append("</p>");
            }

            html.Append("</div>\n");
        }

        if (run.Stopped is { } stopped)
        {
            html.Append("<p class=\"note\"><strong>Stopped early:</strong> ").Append(E(stopped)).Append("</p>\n");
        }
        else if (run.Cancelled)
        {
            html.Append("<p class=\"note\"><strong>Cancelled:</strong> the run stopped early; this report shows what was seen.</p>\n");
        }

        if (run.CoverageShortfall is { } shortfall)
        {
            html.Append("<p class=\"note\">").Append(E(shortfall)).Append("</p>\n");
        }

        html.Append("</header>\n");
    }

    private static void Total(StringBuilder html, string name, string value, string tone) =>
        html.Append("<div").Append(tone.Length > 0 ? $" class=\"{tone}\"" : "").Append("><dt>").Append(name).Append("</dt><dd>").Append(E(value)).Append("</dd></div>");

    private static void Failures(StringBuilder html, RunFinished run)
    {
        var findings = run.Findings;
        html.Append("<section id=\"failures\">\n<h2>Failures (").Append(findings.Count).Append(")</h2>\n");
        if (findings.Count == 0)
        {
            html.Append("<p class=\"empty\">None: every check that ran passed.</p>\n");
            Fixed(html, run.Baseline);
            html.Append("</section>\n");
            return;
        }

        // Hidden until the script shows it: without the script the page lists every failure.
        html.Append("<form id=\"filters\" class=\"filters\" hidden>");
        Select(html, "operation", "Operation", findings.Select(f => f.Operation.Key));
        Select(html, "probe", "Probe", findings.Select(f => f.Kind));
        Select(html, "check", "Check", findings.Select(f => f.Check));
        if (run.Baseline is not null)
        {
            Select(html, "baseline", "Baseline", findings.Select(State));
        }

        html.Append("<button type=\"button\" id=\"reset\">Show all</button><button type=\"button\" id=\"expand\">Open all</button><button type=\"button\" id=\"collapse\">Close all</button>");
        html.Append("<span id=\"shown\" class=\"shown\"></span></form>\n<div id=\"findings\" class=\"findings\">\n");
        var first = true;
        foreach (var f in findings)
        {
            Finding(html, f, run.Baseline is null ? null : State(f), first);
            first = false;
        }

        html.Append("</div>\n");
        Fixed(html, run.Baseline);
        html.Append("</section>\n");
    }

    private static void Fixed(StringBuilder html, BaselineComparison? baseline)
    {
        if (baseline is not { Fixed.Count: > 0 })
        {
            return;
        }

        html.Append("<h3>Fixed since the baseline (").Append(baseline.Fixed.Count).Append(")</h3>\n<ul class=\"plain\">");
        foreach (var e in baseline.Fixed)
        {
            html.Append("<li>").Append(E(e.Name)).Append(" — ").Append(E(e.Title)).Append(" <code>").Append(E(e.Fingerprint)).Append("</code></li>");
        }

        html.Append("</ul>\n");
    }

    // A filter: every value once, the most frequent first, with its count.
    private static void Select(StringBuilder html, string name, string label, IEnumerable<string> values)
    {
        var counted = values.GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        html.Append("<label>").Append(label).Append("<select name=\"").Append(name).Append("\"><option value=\"\">all</option>");
        foreach (var g in counted)
        {
            html.Append("<option value=\"").Append(E(g.Key)).Append("\">").Append(E(g.Key)).Append(" (").Append(g.Count()).Append(")</option>");
        }

        html.Append("</select></label>");
    }

    private static string State(ReportedFinding f) => f.Baseline == BaselineState.Known ? "known" : "new";

    private static void Finding(StringBuilder html, ReportedFinding f, string? baseline, bool open)
    {
        var (head, body) = Split(f.Response);
        html.Append("<details class=\"finding\" id=\"f-").Append(E(f.Fingerprint)).Append("\" data-operation=\"").Append(E(f.Operation.Key)).Append("\" data-probe=\"").Append(E(f.Kind))
            .Append("\" data-check=\"").Append(E(f.Check)).Append('"');
        if (baseline is not null)
        {
            html.Append(" data-baseline=\"").Append(baseline).Append('"');
        }

        html.Append(open ? " open>" : ">");
        var status = f.Status is { } s ? s.ToString(CultureInfo.InvariantCulture) : f.Outcome == Outcome.Error ? "error" : "—";
        html.Append("<summary><span class=\"status").Append(f.Status is null ? " none" : f.Status < 400 ? " s2" : "").Append("\">").Append(status).Append("</span>");
        html.Append("<span class=\"op\">").Append(E(f.Operation.Key)).Append("</span>");
        html.Append("<span class=\"probe\">").Append(E(f.Probe)).Append(f.Step is null ? "" : " (" + E(f.Step) + ")").Append("</span>");
        html.Append("<span class=\"check\">").Append(E(f.Check)).Append("</span>");
        html.Append("<span class=\"what\">");
        if (baseline is not null)
        {
            html.Append("<span class=\"tag ").Append(baseline).Append("\">").Append(baseline).Append("</span> ");
        }

        if (f.Occurrences > 1)
        {
            html.Append("<span class=\"tag\">×").Append(f.Occurrences).Append("</span> ");
        }

        html.Append("<strong>").Append(E(f.Title)).Append("</strong> <span class=\"brief\">").Append(E(Brief(f))).Append("</span>");
        html.Append("</span></summary>\n<div class=\"detail\">");
        html.Append("<p class=\"message\">").Append(E(f.Message)).Append("</p>");
        html.Append("<table class=\"ea\">");
        if (f.Expected is not null || f.Actual is not null)
        {
            html.Append("<tr><th>expected</th><td class=\"expected mono\">").Append(E(f.Expected ?? "-")).Append("</td></tr>");
            html.Append("<tr><th>actual</th><td class=\"actual mono\">").Append(E(f.Actual ?? "-")).Append("</td></tr>");
        }

        if (f.Rule is not null)
        {
            html.Append("<tr><th>rule</th><td>").Append(E(f.Rule)).Append("</td></tr>");
        }

        html.Append("</table>");
        if (head is not null)
        {
            html.Append("<h3>Response</h3><pre class=\"headers\">").Append(E(head)).Append("</pre>");
            if (body is not null)
            {
                html.Append("<pre class=\"body\">").Append(E(body)).Append("</pre>");
            }
        }

        if (f.Reproduce is not null)
        {
            html.Append("<h3>Reproduce</h3><pre class=\"curl\">").Append(E(f.Reproduce)).Append("</pre>");
        }

        html.Append("<p class=\"fingerprint\">fingerprint <code>").Append(E(f.Fingerprint)).Append("</code></p></div></details>\n");
    }

    // The message without the "probe (step) on operation: " the row already shows.
    private static string Brief(ReportedFinding f)
    {
        var where = $"{f.Probe}{(f.Step is null ? "" : $" ({f.Step})")} on {f.Operation.Key}: ";
        return f.Message.StartsWith(where, StringComparison.Ordinal) ? f.Message[where.Length..] : f.Message;
    }

    // The response as the findings hold it (status line and headers, a blank line, the first bytes of the body): shown as two blocks.
    private static (string? Head, string? Body) Split(string? response)
    {
        if (response is null)
        {
            return (null, null);
        }

        var blank = response.IndexOf("\n\n", StringComparison.Ordinal);
        return blank < 0 ? (response, null) : (response[..blank], response[(blank + 2)..]);
    }

    private static void DesignWarnings(StringBuilder html, RunStarted report)
    {
        html.Append("<section id=\"design-warnings\">\n<h2>Design warnings (").Append(report.DesignWarnings.Count).Append(")</h2>\n");
        if (report.DesignWarnings.Count == 0)
        {
            html.Append("<p class=\"empty\">None: the spec agrees with the design tables.</p>\n</section>\n");
            return;
        }

        html.Append("<p>").Append(report.Rules.Strict ? "The spec contradicts a design table row; these fail the run (strict: true)." : "The spec contradicts a design table row; not failures (set strict: true in the rules to make them fail).").Append("</p>\n<ul class=\"plain\">");
        foreach (var w in report.DesignWarnings)
        {
            html.Append("<li><strong>").Append(E(w.Place)).Append("</strong>: ").Append(E(w.Message)).Append(" <span class=\"fingerprint\">(").Append(E(w.Table)).Append(")</span></li>");
        }

        html.Append("</ul>\n</section>\n");
    }

    private static void Coverage(StringBuilder html, RunFinished run)
    {
        var coverage = run.Coverage;
        html.Append("<section id=\"coverage\">\n<h2>Coverage: ").Append(E(coverage.Summary)).Append("</h2>\n");
        if (coverage.Operations.Count == 0)
        {
            html.Append("<p class=\"empty\">No operations were planned.</p>\n</section>\n");
            return;
        }

        html.Append("<p>Each cell: the probes of a kind on an operation — ✓ passed, ✗ failed, ○ skipped (hover a cell for the counts and why probes were skipped).</p>\n");
        html.Append("<div class=\"scroll\"><table class=\"coverage\">\n<thead><tr><th class=\"opname\">operation</th>");
        var kinds = coverage.Kinds;
        foreach (var kind in kinds)
        {
            html.Append("<th class=\"kind\">").Append(E(kind)).Append("</th>");
        }

        html.Append("<th>statuses never seen</th><th>seen, not documented</th></tr></thead>\n<tbody>\n");
        var redactor = run.Run.Redactor;
        foreach (var row in coverage.Operations)
        {
            html.Append("<tr><td class=\"opname\">").Append(E(row.Operation.DisplayName));
            if (!row.Exercised)
            {
                html.Append(" <span class=\"unexercised\">not exercised</span>");
            }

            html.Append("</td>");
            foreach (var kind in kinds)
            {
                if (row.Kind(kind) is not { } c)
                {
                    html.Append("<td></td>");
                    continue;
                }

                var tone = c.Failed > 0 ? "c-fail" : c.Passed > 0 ? "c-pass" : "c-skip";
                var why = c.SkipReasons.Count == 0 ? "" : "; skipped: " + string.Join("; ", c.SkipReasons.Select(redactor.Text));
                html.Append("<td class=\"").Append(tone).Append("\" title=\"").Append(E($"{kind}: {c.Planned} planned, {c.Sent} sent, {c.Passed} passed, {c.Failed} failed, {c.Skipped} skipped{why}")).Append("\">").Append(Cell(c)).Append("</td>");
            }

            html.Append("<td class=\"statuses\">").Append(E(string.Join(", ", row.NeverSeen))).Append("</td><td class=\"statuses\">").Append(string.Join(", ", row.Undocumented)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n</section>\n");
    }

    private static string Cell(ProbeCoverage c) => c.Marks("✓", "✗", "○");

    private static void Cleanup(StringBuilder html, RunFinished run)
    {
        var left = run.Cleanup.Where(c => !c.Deleted).ToList();
        var r = run.Run.Redactor;
        html.Append("<section id=\"cleanup\">\n<h2>Clean-up</h2>\n<p>Created ").Append(run.Created).Append(", deleted ").Append(run.Deleted).Append(left.Count > 0 ? $", <strong>left {left.Count} on the server</strong>:" : ".").Append("</p>\n");
        if (left.Count > 0)
        {
            html.Append("<ul class=\"plain\">");
            foreach (var item in left)
            {
                html.Append("<li><code>").Append(E(r.Text(item.Item.Path))).Append("</code>: ").Append(E(r.Text(item.Detail)));
                if (item.Request is { } request)
                {
                    html.Append("<pre class=\"curl\">").Append(E(CurlCommand.For(request, r))).Append("</pre>");
                }

                html.Append("</li>");
            }

            html.Append("</ul>\n");
        }

        html.Append("</section>\n");
    }

    // The five characters HTML gives meaning to, in text and in quoted attributes; the rest stays UTF-8 as it is.
    private static string E(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private static string Asset(string name)
    {
        using var stream = typeof(HtmlReporter).Assembly.GetManifestResourceStream("ContractCheck.Reporting." + name)
            ?? throw new InvalidOperationException($"the HTML report's {name} is not embedded in the library");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
