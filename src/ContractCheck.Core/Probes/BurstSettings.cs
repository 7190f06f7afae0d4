namespace ContractCheck.Core.Probes;

/// <summary>A burst: exactly <see cref="Requests"/> requests meant to arrive within <see cref="Within"/>, at most <see cref="Concurrency"/> at a time.</summary>
public sealed record BurstSettings(int Requests, TimeSpan Within, int Concurrency, int ExpectStatus);
