namespace ContractCheck.Core.Execution;

/// <summary>
/// What a response says about rate limits (<see cref="RateLimitHeaders.Read"/>): every limit it states, in the form it
/// uses, and what in its RateLimit fields is not the syntax of any revision of the IETF draft.
/// </summary>
public sealed record RateLimitFields(IReadOnlyList<RateLimitQuota> Quotas, IReadOnlyList<string> Problems)
{
    public static RateLimitFields None { get; } = new([], []);

    /// <summary>True when the response carries a field of the IETF draft (any revision), not only X-RateLimit-*.</summary>
    public bool HasDraftFields { get; init; }
}
