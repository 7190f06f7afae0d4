using ContractCheck.Core.Execution;

namespace ContractCheck.Core.Checks;

/// <summary>One probe as it ended during the run: its plan index, what was sent and received, and what the checks made of it.</summary>
public sealed record ProbeResults(int Index, ProbeOutcome Outcome, IReadOnlyList<CheckResult> Results);
