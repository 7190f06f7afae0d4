using ContractCheck.Core.Checks;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// One line of the report and one JUnit testcase: a check of one probe on one operation, with every
/// finding it made. Its outcome is the worst of them.
/// </summary>
public sealed record ReportCase(ApiOperation Operation, string Probe, string Check, IReadOnlyList<CheckResult> Results)
{
    /// <summary>A probe's cases: one per check, in the order the checks first judged it.</summary>
    public static IReadOnlyList<ReportCase> Of(ProbeResults probe) =>
        probe.Results.GroupBy(r => r.Finding.Check, StringComparer.Ordinal)
            .Select(g => new ReportCase(probe.Outcome.Probe.Operation, probe.Outcome.Probe.DisplayName, g.Key, g.ToList()))
            .ToList();

    public Outcome Outcome =>
        Results.Any(r => r.Finding.Outcome == Outcome.Error) ? Outcome.Error
        : Results.Any(r => r.Finding.Outcome == Outcome.Failed) ? Outcome.Failed
        : Results.All(r => r.Finding.Outcome == Outcome.Skipped) ? Outcome.Skipped
        : Outcome.Passed;

    /// <summary>"happy-path: expected-status", the JUnit testcase name.</summary>
    public string Name => $"{Probe}: {Check}";

    public IEnumerable<CheckResult> Problems => Results.Where(r => r.Finding.Outcome is Outcome.Failed or Outcome.Error);

    public TimeSpan Time => TimeSpan.FromTicks(Results.Select(r => r.Exchange).OfType<Execution.Exchange>().Distinct().Sum(e => e.Elapsed.Ticks));
}
