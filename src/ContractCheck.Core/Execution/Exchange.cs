using ContractCheck.Core.Probes;


namespace ContractCheck.Core.Execution;

/// <summary>
/// One request of a probe and what came back: a response, or the transport error that stood in its
/// place (timeout, reset, refused), with the time it took.
/// </summary>
public sealed record Exchange(Probe Probe, PlannedRequest Planned, SentRequest Request, ReceivedResponse? Response, string? Error, TimeSpan Elapsed)
{
    /// <summary>True when a path value was a guess (no known resource), so a 404 says nothing about the API.</summary>
    public bool UsedGuessedId { get; init; }

    /// <summary>The probe's request before this one, if any.</summary>
    public Exchange? Previous { get; init; }

    /// <summary>The status this exchange is held to: the request's own, else the probe's.</summary>
    public ExpectedStatus? Expected => Planned.Expect ?? Probe.Expected;
}
