namespace ContractCheck.Core.Reporting;

/// <summary>The file reports ContractCheck writes, and the factory that makes the reporters a run asks for.</summary>
public static class ReportFormats
{
    public static ReportFormat JUnit { get; } = new("JUnit XML", "--junit", "Write a JUnit XML report to this path (for CI test reporting).", path => new JUnitReporter(path));

    public static ReportFormat Har { get; } = new("HAR", "--har", "Also write every exchange of the run as HAR 1.2 (secrets masked), for browser developer tools and HTTP debugging proxies.", path => new HarReporter(path));

    public static ReportFormat Json { get; } = new("JSON report", "--json", "Write the whole run as one JSON document (findings with fingerprints, every probe with its exchanges summarised, coverage, warnings, version, seed), for scripts and dashboards; its JSON Schema is schemas/contractcheck-report.schema.json.", path => new JsonReporter(path));

    public static ReportFormat Sarif { get; } = new("SARIF", "--sarif", "Write SARIF 2.1.0 for code-review tools (GitHub code scanning: upload it with github/codeql-action/upload-sarif): one result per finding at the operation's line in the spec, with its fingerprint.", path => new SarifReporter(path), SpecLines: true);

    public static ReportFormat Markdown { get; } = new("Markdown summary", "--markdown", "Write a Markdown summary for the pipeline page: totals, failures grouped by check with the first reproduction of each, design warnings, the coverage matrix (cut below GitHub's 1 MiB). Written to $GITHUB_STEP_SUMMARY as well whenever that is set.", path => new MarkdownReporter(path));

    public static ReportFormat Html { get; } = new("HTML report", "--html", "Write one self-contained HTML page to open in a browser (nothing loaded from the network): totals, then the failures first, filterable by operation, probe and check, each with expected vs actual, the response and the curl that reproduces it; the design warnings and the coverage matrix.", path => new HtmlReporter(path));

    /// <summary>Every format, in the order the command line lists them.</summary>
    public static IReadOnlyList<ReportFormat> All { get; } = [JUnit, Sarif, Markdown, Html, Json, Har];

    /// <summary>One reporter for every (format, path) asked for.</summary>
    public static IEnumerable<IReporter> Create(IEnumerable<(ReportFormat Format, string Path)> requested) =>
        requested.Select(r => r.Format.Create(r.Path));
}
