using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Execution;

/// <summary>
/// What executing one probe produced: its exchanges, or why it was not run; and the requests of a chain that
/// were not sent, each with its reason (a refused create ends its chain).
/// </summary>
public sealed record ProbeOutcome(Probe Probe, IReadOnlyList<Exchange> Exchanges, string? NotRunReason = null)
{
    /// <summary>The reason given for the probes a Ctrl-C or SIGTERM left unsent.</summary>
    public const string Cancelled = "the run was cancelled";

    public bool WasCancelled => NotRunReason == Cancelled;

    /// <summary>Requests of the probe that were not sent, and why ("the create answered 409").</summary>
    public IReadOnlyList<(PlannedRequest Request, string Reason)> Unsent { get; init; } = [];
}
