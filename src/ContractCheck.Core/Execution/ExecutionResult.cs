namespace ContractCheck.Core.Execution;

/// <summary>The Execute stage's output: every probe's outcome, and the clean-up of items the run created.</summary>
public sealed record ExecutionResult(IReadOnlyList<ProbeOutcome> Outcomes, IReadOnlyList<CleanupResult> Cleanup);
