namespace ContractCheck.Core.Rules;

/// <summary>One <c>rateLimit</c> entry: an operation that must throttle a burst of requests.</summary>
public sealed record RateLimitRule(OperationSelector Operation, int Requests, TimeSpan Within, int Concurrency, int ExpectStatus, SourceLocation Location);
