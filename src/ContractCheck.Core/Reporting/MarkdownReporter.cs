using System.Text;
using ContractCheck.Core.Checks;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// A summary for the pipeline page (<c>--markdown</c>, and GitHub's step summary when <c>GITHUB_STEP_SUMMARY</c> is
/// set): the totals, the failures grouped by check with the first reproduction of each, the baseline, the design
/// warnings and the coverage matrix. GitHub shows at most 1 MiB of a step's summary: the text is cut below that, with a
/// line saying so. Written at the end from the findings; secrets are masked.
/// </summary>
public sealed class MarkdownReporter : IReporter
{
    /// <summary>GitHub's limit for one step's summary.</summary>
    public const int GitHubLimit = 1024 * 1024;

    private const int ListedPerCheck = 50;

    private readonly Func<Stream> _open;
    private readonly int _maxBytes;

    public MarkdownReporter(string path)
        : this(() => ReportFile.Open(path))
    {
    }

    /// <param name="open">Where to write.</param>
    /// <param name="maxBytes">The most the text may take (GitHub's limit, less what the step summary already holds).</param>
    public MarkdownReporter(Func<Stream> open, int maxBytes = GitHubLimit)
    {
        _open = open;
        _maxBytes = maxBytes;
    }

    /// <summary>Appends to GitHub's step summary file, within what is left of its 1 MiB.</summary>
    public static MarkdownReporter ForStepSummary(string path)
    {
        var used = File.Exists(path) ? (int)Math.Min(GitHubLimit, new FileInfo(path).Length) : 0;
        return new MarkdownReporter(() => new FileStream(path, FileMode.Append, FileAccess.Write), GitHubLimit - used);
    }

    public void Begin(RunStarted run)
    {
    }

    public void Probe(ProbeResults probe)
    {
    }

    public void End(RunFinished run)
    {
        var text = new Budget(_maxBytes - 512);
        var complete = Write(text, run);
        if (!complete)
        {
            text.Force("\n> **The summary was cut here** to stay under GitHub's 1 MiB limit for a step summary. The console log and the `--json` and `--html` reports hold the whole run.\n");
        }

        using var stream = _open();
        stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static bool Write(Budget md, RunFinished run)
    {
        var report = run.Run;
        var verdict = run.Verdict switch
        {
            RunVerdict.Passed => "✅ passed",
            RunVerdict.Stopped => "⛔ stopped early",
            RunVerdict.Cancelled => "⏹ cancelled",
            _ => "❌ failed",
        };
        md.Line($"## ContractCheck: {MarkdownText.Escape(report.Spec.Title)} — {verdict}");
        md.Line("");
        md.Line($"**{MarkdownText.Escape(run.Summary)}** · {run.Findings.Count} findings · {run.RequestsSent} requests in {run.Duration.TotalSeconds:0.0} s · seed `{report.Plan.Seed}` · {MarkdownText.Escape(run.Coverage.Summary)}");
        md.Line("");
        md.Line($"Spec {MarkdownText.InlineCode(report.Spec.Source)} ({(report.Spec.IsSwagger2 ? "Swagger" : "OpenAPI")} {MarkdownText.Escape(report.Spec.Version)}), target {MarkdownText.InlineCode(report.Redactor.Url(report.BaseUrl))}, rules {MarkdownText.Escape(string.Join(", ", report.Rules.Sources))}.");
        if (run.Stopped is { } stopped)
        {
            md.Line("");
            md.Line($"**Stopped early:** {MarkdownText.Escape(stopped)}");
        }

        if (run.CoverageShortfall is { } shortfall)
        {
            md.Line("");
            md.Line($"**{MarkdownText.Escape(shortfall)}**");
        }

        if (run.Baseline is { } baseline)
        {
            md.Line("");
            md.Line($"**Baseline** {MarkdownText.InlineCode(baseline.Path)}: {baseline.New} new, {baseline.Known} known, {baseline.Fixed.Count} fixed" + (baseline.NotChecked.Count > 0 ? $", {baseline.NotChecked.Count} not checked by this run" : "") + ".");
            foreach (var e in baseline.Fixed.Take(ListedPerCheck))
            {
                if (!md.Line($"- fixed: {MarkdownText.Escape(e.Name)} — {MarkdownText.Escape(e.Title)} `{e.Fingerprint}`"))
                {
                    return false;
                }
            }
        }

        if (!md.Line("") || !Failures(md, run) || !DesignWarnings(md, report) || !Coverage(md, run.Coverage))
        {
            return false;
        }

        var left = run.Cleanup.Count(c => !c.Deleted);
        return md.Line($"Clean-up: created {run.Created}, deleted {run.Deleted}" + (left > 0 ? $", **left {left} on the server**" : "") + ".");
    }

    private static bool Failures(Budget md, RunFinished run)
    {
        if (run.Findings.Count == 0)
        {
            return md.Line("### Failures\n\nNone.\n");
        }

        md.Line($"### Failures by check");
        md.Line("");
        var byCheck = run.Findings.GroupBy(f => f.Check).OrderByDescending(g => g.Count()).ToList();
        foreach (var group in byCheck)
        {
            var titles = string.Join(" / ", group.Select(f => f.Title).Distinct());
            if (!md.Line($"#### `{group.Key}` {MarkdownText.Escape(titles)} ({group.Count()})") || !md.Line(""))
            {
                return false;
            }

            foreach (var f in group.Take(ListedPerCheck))
            {
                var state = run.Baseline is null ? "" : f.Baseline == BaselineState.Known ? "known · " : "**new** · ";
                var expected = f.Expected is null && f.Actual is null ? "" : $" (expected {MarkdownText.Escape(f.Expected ?? "-")}, actual {MarkdownText.Escape(f.Actual ?? "-")})";
                if (!md.Line($"- {state}**{MarkdownText.Escape(f.Operation.Key)}** {MarkdownText.Escape(f.Probe)}{(f.Step is null ? "" : $" ({MarkdownText.Escape(f.Step)})")}: {MarkdownText.Escape(f.Message)}{expected}"))
                {
                    return false;
                }
            }

            if (group.Count() > ListedPerCheck)
            {
                md.Line($"- … and {group.Count() - ListedPerCheck} more");
            }

            var first = group.First();
            if (first.Reproduce is not null)
            {
                var evidence = "reproduce:\n" + first.Reproduce + (first.Response is null ? "" : "\n\nresponse:\n" + first.Response);
                if (!md.Line("") || !md.Line($"<details><summary>First reproduction: {MarkdownText.Escape(first.Operation.Key)} {MarkdownText.Escape(first.Probe)}</summary>\n\n{MarkdownText.Code(evidence)}\n</details>"))
                {
                    return false;
                }
            }

            md.Line("");
        }

        return true;
    }

    private static bool DesignWarnings(Budget md, RunStarted report)
    {
        if (report.DesignWarnings.Count == 0)
        {
            return true;
        }

        md.Line($"### Design warnings ({report.DesignWarnings.Count})");
        md.Line("");
        md.Line(report.Rules.Strict ? "The spec contradicts a design table row; these fail the run (`strict: true`)." : "The spec contradicts a design table row; not failures (set `strict: true` in the rules to make them fail).");
        md.Line("");
        foreach (var w in report.DesignWarnings)
        {
            if (!md.Line($"- {MarkdownText.Escape(w.Place)}: {MarkdownText.Escape(w.Message)} ({MarkdownText.Escape(w.Table)})"))
            {
                return false;
            }
        }

        return md.Line("");
    }

    private static bool Coverage(Budget md, Coverage coverage)
    {
        if (coverage.Operations.Count == 0)
        {
            return true;
        }

        var kinds = coverage.Kinds;
        md.Line($"### Coverage: {MarkdownText.Escape(coverage.Summary)}");
        md.Line("");
        md.Line("Each cell: probes passed ✅, failed ❌, skipped ⏭ (why: the JSON and HTML reports).");
        md.Line("");
        md.Line("| operation | " + string.Join(" | ", kinds) + " | statuses never seen | seen, not documented |");
        md.Line("|---|" + string.Concat(kinds.Select(_ => "---|")) + "---|---|");
        foreach (var row in coverage.Operations)
        {
            var cells = kinds.Select(k => row.Kind(k) is { } c ? Cell(c) : "");
            var name = MarkdownText.Escape(row.Operation.DisplayName) + (row.Exercised ? "" : " ⚠ not exercised");
            if (!md.Line($"| {name} | {string.Join(" | ", cells)} | {string.Join(", ", row.NeverSeen)} | {string.Join(", ", row.Undocumented)} |"))
            {
                return false;
            }
        }

        return md.Line("");
    }

    private static string Cell(ProbeCoverage c) => c.Marks("✅", "❌", "⏭");

    /// <summary>Lines up to a byte budget; once one does not fit, nothing more is added.</summary>
    private sealed class Budget(int maxBytes)
    {
        private readonly StringBuilder _text = new();
        private int _bytes;
        private bool _full;

        public bool Line(string line)
        {
            var size = Encoding.UTF8.GetByteCount(line) + 1;
            if (_full || _bytes + size > maxBytes)
            {
                _full = true;
                return false;
            }

            _text.Append(line).Append('\n');
            _bytes += size;
            return true;
        }

        public void Force(string text) => _text.Append(text);

        public override string ToString() => _text.ToString();
    }
}
