namespace ContractCheck.Core.Execution;

/// <summary>The Execute stage's output: every probe's outcome, and the clean-up of items the run created.</summary>
public sealed record ExecutionResult(IReadOnlyList<ProbeOutcome> Outcomes, IReadOnlyList<CleanupResult> Cleanup)
{
    /// <summary>True when the run was stopped (Ctrl-C, SIGTERM): the outcomes are what was seen until then.</summary>
    public bool Cancelled { get; init; }
}
