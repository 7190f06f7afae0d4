namespace ContractCheck.Core.Execution;

/// <summary>The rate-limit headers of one burst answer, in arrival order.</summary>
public sealed record RateLimitObservation(int Index, long? Limit, long? Remaining);
