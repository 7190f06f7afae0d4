using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Execution;

/// <summary>What executing one probe produced: its exchanges, or why it was not run.</summary>
public sealed record ProbeOutcome(Probe Probe, IReadOnlyList<Exchange> Exchanges, string? NotRunReason = null)
{
    /// <summary>The reason given for the probes a Ctrl-C or SIGTERM left unsent.</summary>
    public const string Cancelled = "the run was cancelled";

    public bool WasCancelled => NotRunReason == Cancelled;
}
