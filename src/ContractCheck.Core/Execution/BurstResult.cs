namespace ContractCheck.Core.Execution;

/// <summary>
/// What a burst saw: how many requests went out and how fast, the statuses and transport errors,
/// latency percentiles, when the first throttled answer came, and the rate-limit headers in the
/// order the answers arrived.
/// </summary>
public sealed record BurstResult(
    int Sent,
    TimeSpan Duration,
    int Concurrency,
    IReadOnlyDictionary<int, int> Statuses,
    int Errors,
    IReadOnlyList<string> ErrorSamples,
    IReadOnlyList<double> LatenciesMs,
    TimeSpan? FirstLimited,
    int Limited,
    int LimitedWithoutRetryAfter,
    IReadOnlyList<RateLimitObservation> Observations,
    int ExpectStatus)
{
    public double Rate => Duration.TotalSeconds > 0 ? Sent / Duration.TotalSeconds : 0;

    public double Percentile(double p)
    {
        if (LatenciesMs.Count == 0)
        {
            return 0;
        }

        var index = (int)Math.Ceiling(p / 100 * LatenciesMs.Count) - 1;
        return LatenciesMs[Math.Clamp(index, 0, LatenciesMs.Count - 1)];
    }

    /// <summary>"150 requests in 0.62 s (242/s) at concurrency 16: 200 ×100, 429 ×50; latency p50 3 ms, p95 12 ms, p99 20 ms; first 429 after 0.41 s".</summary>
    public string Summary
    {
        get
        {
            var histogram = string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} ×{s.Value}")) + (Errors > 0 ? $", no answer ×{Errors}" : "");
            var first = FirstLimited is { } t ? $"; first {ExpectStatus} after {t.TotalSeconds:0.00} s" : $"; no {ExpectStatus}";
            return $"{Sent} requests in {Duration.TotalSeconds:0.00} s ({Rate:0}/s) at concurrency {Concurrency}: {histogram}; latency p50 {Percentile(50):0} ms, p95 {Percentile(95):0} ms, p99 {Percentile(99):0} ms{first}";
        }
    }
}
