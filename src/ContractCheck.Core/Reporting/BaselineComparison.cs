namespace ContractCheck.Core.Reporting;

/// <summary>
/// A run against its baseline: how many findings are new and known, and which baseline findings are fixed (their
/// check passed where they were found) or were not checked by this run (another shard, --include, a probe skipped).
/// </summary>
public sealed record BaselineComparison(string Path, int New, int Known, IReadOnlyList<BaselineEntry> Fixed, IReadOnlyList<BaselineEntry> NotChecked)
{
    /// <summary>Marks each finding new or known, and sorts the baseline's other entries into fixed and not checked.</summary>
    internal static (BaselineComparison Comparison, IReadOnlyList<ReportedFinding> Findings) Compare(Baseline baseline, IReadOnlyList<ReportedFinding> findings, Func<string, bool> passed)
    {
        var marked = findings.Select(f => baseline.Contains(f.Fingerprint) ? f with { Baseline = BaselineState.Known } : f).ToList();
        var found = marked.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var gone = baseline.Entries.Where(e => !found.Contains(e.Fingerprint)).ToList();
        var comparison = new BaselineComparison(
            baseline.Path,
            marked.Count(f => f.Baseline == BaselineState.New),
            marked.Count(f => f.Baseline == BaselineState.Known),
            gone.Where(e => passed(e.Key)).ToList(),
            gone.Where(e => !passed(e.Key)).ToList());
        return (comparison, marked);
    }

    /// <summary>What <c>--update-baseline</c> writes: today's findings, and the entries this run did not check (kept).</summary>
    public static IEnumerable<BaselineEntry> Updated(IReadOnlyList<ReportedFinding> findings, BaselineComparison? comparison) =>
        findings.Select(BaselineEntry.From).Concat(comparison?.NotChecked ?? []);
}
