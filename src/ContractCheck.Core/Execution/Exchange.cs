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

    /// <summary>True when no answer came at all (a timeout, a refused or reset connection).</summary>
    public bool NoAnswer { get; init; }

    /// <summary>The 401 this request got with a fetched token before the token was fetched again and the request sent again; not judged, kept as evidence.</summary>
    public Exchange? Refused { get; init; }

    /// <summary>What happened to the fetched token this request carried after a 401: fetched again (<see cref="Refused"/> is set), or why not.</summary>
    public string? TokenNote { get; init; }

    /// <summary>Every request this exchange put on the wire, in the order sent: the ETag read (and its 429s), the 429s waited out, the 401 before a token was fetched again, this one.</summary>
    public IEnumerable<Exchange> OnTheWire => NotSent ? [] : (Preflight?.OnTheWire ?? []).Concat(Refused?.OnTheWire ?? []).Concat(Throttled).Append(this);

    /// <summary>The latest request of the probe before this one that was the named step ("reference"), or null.</summary>
    public Exchange? Earlier(string step)
    {
        for (var e = Previous; e is not null; e = e.Previous)
        {
            if (e.Planned.Step == step)
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The status this exchange is held to: the request's own, else the probe's.</summary>
    public ExpectedStatus? Expected => Planned.Expect ?? Probe.Expected;
}
