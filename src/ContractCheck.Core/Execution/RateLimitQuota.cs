namespace ContractCheck.Core.Execution;

/// <summary>
/// One rate limit as a response states it, in whichever form it uses: the quota, what remains of it and the seconds
/// until it is refilled (each null when not said), the policy's name where the form names one, and the field(s) it was
/// read from ("RateLimit", "RateLimit-Remaining", "X-RateLimit-*").
/// </summary>
public sealed record RateLimitQuota(RateLimitForm Form, string? Policy, long? Limit, long? Remaining, long? Reset, string Fields);
