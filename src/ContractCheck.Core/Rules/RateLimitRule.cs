namespace ContractCheck.Core.Rules;

/// <summary>One <c>rateLimit</c> entry: an operation that must throttle a burst of requests.</summary>
public sealed record RateLimitRule(OperationSelector Operation, int Requests, TimeSpan Within, int Concurrency, int ExpectStatus, SourceLocation Location)
{
    /// <summary>Requests in flight at once when the entry does not say.</summary>
    public const int DefaultConcurrency = 8;

    /// <summary>The throttling status when the entry does not say.</summary>
    public const int DefaultExpect = 429;
}
