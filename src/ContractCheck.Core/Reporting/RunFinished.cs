using ContractCheck.Core.Execution;

namespace ContractCheck.Core.Reporting;

/// <summary>The end of a run, as every reporter gets it: the counts, the clean-up, and whether the run ended early.</summary>
public sealed record RunFinished(RunStarted Run, TimeSpan Duration, RunTotals Totals, IReadOnlyList<CleanupResult> Cleanup)
{
    /// <summary>True when the run was stopped before the end (Ctrl-C, SIGTERM): the report holds what was seen.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Why the run stopped before its end because of the target ("the API stopped answering …"), or null.</summary>
    public string? Stopped { get; init; }

    /// <summary>How many items the run created.</summary>
    public int Created { get; init; }

    /// <summary>How many items the run deleted of those it created: by its probes, or at the clean-up.</summary>
    public int Deleted => Created - Cleanup.Count(c => !c.Deleted);

    public int Passed => Totals.Passed;

    public int Failed => Totals.FailedCases + (Run.DesignWarningsFail ? Run.DesignWarnings.Count : 0);

    public int Errors => Totals.Errors;

    public int Skipped => Totals.Skipped;

    /// <summary>Requests sent: the probes' and the clean-up's deletes.</summary>
    public int RequestsSent => Totals.ProbeRequests + Cleanup.Count(c => c.Attempted);

    /// <summary>True when the contract held: no failures and no errors.</summary>
    public bool Success => Failed == 0 && Errors == 0 && Stopped is null;

    /// <summary>The closing line: "12 passed, 1 failed, 0 skipped" (", 2 errors" when there are any).</summary>
    public string Summary => $"{Passed} passed, {Failed} failed, {Skipped} skipped" + (Errors > 0 ? $", {Errors} errors" : "");
}
