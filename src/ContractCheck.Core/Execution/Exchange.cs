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

    /// <summary>Waits for the target's rate limit (429 then Retry-After) before this answer came.</summary>
    public IReadOnlyList<TimeSpan> RateLimitWaits { get; init; } = [];

    /// <summary>The 429 answers waited out before this one, each followed by the same request again; not judged, kept as evidence.</summary>
    public IReadOnlyList<Exchange> Throttled { get; init; } = [];

    /// <summary>True when the request went to the Location an earlier answer gave, not to the path template.</summary>
    public bool FollowedLocation { get; init; }

    /// <summary>For the first sample of a burst: what the whole burst saw.</summary>
    public BurstResult? Burst { get; init; }

    /// <summary>The probe's request before this one, if any.</summary>
    public Exchange? Previous { get; init; }

    /// <summary>When the request was sent.</summary>
    public DateTimeOffset Started { get; init; }

    /// <summary>The GET sent just before this write to read the item's ETag (<see cref="PlannedRequest.ReadFirst"/>); not judged.</summary>
    public Exchange? Preflight { get; init; }

    /// <summary>True for a request ContractCheck refused to send (a Location on another origin): reported, never on the wire.</summary>
    public bool NotSent { get; init; }

    /// <summary>Every request this exchange put on the wire, in the order sent: the ETag read (and its 429s), the 429s waited out, this one.</summary>
    public IEnumerable<Exchange> OnTheWire => NotSent ? [] : (Preflight?.OnTheWire ?? []).Concat(Throttled).Append(this);

    /// <summary>The status this exchange is held to: the request's own, else the probe's.</summary>
    public ExpectedStatus? Expected => Planned.Expect ?? Probe.Expected;
}
