using ContractCheck.Core.Execution;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// The end of a run, as every reporter gets it: the counts, the findings with their evidence and fingerprints (against
/// the baseline when there is one), the coverage matrix, the clean-up, and whether the run ended early.
/// </summary>
public sealed record RunFinished(RunStarted Run, TimeSpan Duration, RunTotals Totals, IReadOnlyList<CleanupResult> Cleanup)
{
    /// <summary>Every failure of the run, once per fingerprint, in report order.</summary>
    public IReadOnlyList<ReportedFinding> Findings { get; init; } = [];

    /// <summary>The coverage matrix.</summary>
    public Coverage Coverage { get; init; } = new([]);

    /// <summary>The run against its baseline (<c>--baseline</c>), or null.</summary>
    public BaselineComparison? Baseline { get; init; }

    /// <summary>The percent of operations that must be exercised (<c>--min-coverage</c>), or null.</summary>
    public double? MinCoverage { get; init; }

    /// <summary>False when fewer operations were exercised than <see cref="MinCoverage"/> asks.</summary>
    public bool CoverageMet => MinCoverage is not { } min || Coverage.Percent >= min;

    /// <summary>Why the coverage fails the run, one sentence for every report ("Coverage 50% is below --min-coverage 80: …"); null when met.</summary>
    public string? CoverageShortfall => CoverageMet ? null : $"Coverage {Math.Floor(Coverage.Percent):0}% is below --min-coverage {MinCoverage}: {Coverage.Summary}.";

    /// <summary>True when the run was stopped before the end (Ctrl-C, SIGTERM): the report holds what was seen.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Why the run stopped before its end because of the target ("the API stopped answering …"), or null.</summary>
    public string? Stopped { get; init; }

    /// <summary>How many items the run created.</summary>
    public int Created { get; init; }

    /// <summary>The requests that fetched tokens (logins, OAuth 2.0 token requests), in the order sent.</summary>
    public IReadOnlyList<Exchange> TokenExchanges { get; init; } = [];

    /// <summary>Each time a token was fetched again after the API refused it with 401, in a sentence.</summary>
    public IReadOnlyList<string> TokenRenewals { get; init; } = [];

    /// <summary>The authentication bypasses, broken object-level authorization and privilege escalations, each said once (<see cref="Reporting.Alarms"/>).</summary>
    public IReadOnlyList<string> Alarms => Reporting.Alarms.Of(Findings);

    /// <summary>How many items the run deleted of those it created: by its probes, or at the clean-up.</summary>
    public int Deleted => Created - Cleanup.Count(c => !c.Deleted);

    public int Passed => Totals.Passed;

    public int Failed => Totals.FailedCases + (Run.DesignWarningsFail ? Run.DesignWarnings.Count : 0);

    public int Errors => Totals.Errors;

    public int Skipped => Totals.Skipped;

    /// <summary>Requests sent: the probes', the clean-up's deletes and the token requests.</summary>
    public int RequestsSent => Totals.ProbeRequests + Cleanup.Count(c => c.Attempted) + TokenExchanges.Count;

    /// <summary>
    /// True when the contract held: no failures and no errors — with a baseline, no finding that is not in it (design
    /// warnings under <c>strict: true</c> still count) — the target kept answering, and the coverage is what was asked.
    /// </summary>
    public bool Success => (Baseline is null ? Failed == 0 && Errors == 0 : Baseline.New == 0 && !Run.DesignWarningsFail) && Stopped is null && CoverageMet;

    /// <summary>What the run came to, for a report's headline: cancelled and stopped before passed, so a run cut short never reads as passed.</summary>
    public RunVerdict Verdict => Stopped is not null ? RunVerdict.Stopped : Cancelled ? RunVerdict.Cancelled : Success ? RunVerdict.Passed : RunVerdict.Failed;

    /// <summary>The closing line: "12 passed, 1 failed, 0 skipped" (", 2 errors" when there are any).</summary>
    public string Summary => $"{Passed} passed, {Failed} failed, {Skipped} skipped" + (Errors > 0 ? $", {Errors} errors" : "");
}

/// <summary>A run's headline: it passed, failed, was stopped because the target stopped answering, or was cancelled.</summary>
public enum RunVerdict
{
    Passed,
    Failed,
    Stopped,
    Cancelled,
}
