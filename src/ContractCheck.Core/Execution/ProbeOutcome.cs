using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Execution;

/// <summary>What executing one probe produced: its exchanges, or why it was not run.</summary>
public sealed record ProbeOutcome(Probe Probe, IReadOnlyList<Exchange> Exchanges, string? NotRunReason = null);
