using ContractCheck.Core.Checks;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// One failure as every report shows it: its fingerprint, where it was found (operation, probe, step, check), what
/// the check said (title, message, expected vs actual, the rule), and its evidence — the curl that reproduces it and
/// the response (status line, headers, the first 2 KB of the body). Secrets are masked already. Findings with the same
/// fingerprint in one run are one finding, <see cref="Occurrences"/> times.
/// </summary>
public sealed record ReportedFinding(
    string Fingerprint,
    int ProbeIndex,
    ApiOperation Operation,
    string Probe,
    string Kind,
    string? Step,
    string Check,
    Outcome Outcome,
    string Title,
    string Message,
    string? Expected,
    string? Actual,
    string? Rule,
    string? Reproduce,
    string? Response,
    int? Status)
{
    /// <summary>How many times the run met it (schema errors at several places of one body, the same failure on several answers).</summary>
    public int Occurrences { get; init; } = 1;

    /// <summary>Against the baseline: new, or known (in the baseline). Without a baseline every finding is new.</summary>
    public BaselineState Baseline { get; init; } = BaselineState.New;

    /// <summary>"POST /todos bad-json: expected-status" for lists.</summary>
    public string Name => $"{Operation.Key} {Probe}{(Step is null ? "" : $" ({Step})")}: {Check}";
}
