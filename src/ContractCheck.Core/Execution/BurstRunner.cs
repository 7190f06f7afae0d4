using System.Diagnostics;
using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Execution;

/// <summary>
/// Sends a burst: exactly the configured number of copies of one request, at most the configured
/// number at a time, on a pool of that many connections, bounded in time. Keeps statistics, not
/// every answer: a few sample exchanges (the first of each status class) go to the checks.
/// </summary>
public sealed class BurstRunner
{
    private const int SampleBodyBytes = 64 * 1024;

    private readonly ExecutorOptions _options;

    public BurstRunner(ExecutorOptions options)
    {
        _options = options;
    }

    public async Task<(BurstResult Result, IReadOnlyList<Exchange> Samples)> RunAsync(Probe probe, SentRequest request, PlannedRequest planned, CancellationToken cancellationToken)
    {
        var settings = probe.Burst!;
        using var transport = new HttpTransport(_options, settings.Concurrency);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(settings.Within * 3 + TimeSpan.FromSeconds(15));

        var latencies = new double[settings.Requests];
        var arrivals = new (int Index, ReceivedResponse? Response, string? Error, TimeSpan At)[settings.Requests];
        var next = -1;
        var arrived = -1;
        var clock = Stopwatch.StartNew();
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < settings.Requests && !bound.IsCancellationRequested)
            {
                var result = await transport.SendAsync(request, planned.ContentType, bound.Token, cancellationToken, SampleBodyBytes);
                latencies[i] = result.Elapsed.TotalMilliseconds;
                arrivals[Interlocked.Increment(ref arrived)] = (i, result.Response, result.Error, clock.Elapsed);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(Worker, CancellationToken.None)));
        clock.Stop();

        var done = arrivals.Take(Math.Min(arrived + 1, settings.Requests)).ToList();
        var statuses = done.Where(a => a.Response is not null).GroupBy(a => a.Response!.Status).ToDictionary(g => g.Key, g => g.Count());
        var limited = done.Where(a => a.Response?.Status == settings.ExpectStatus).ToList();
        var errors = done.Where(a => a.Response is null).ToList();
        var result = new BurstResult(
            done.Count,
            clock.Elapsed,
            settings.Concurrency,
            statuses,
            errors.Count,
            errors.Select(e => e.Error!).Distinct().Take(3).ToList(),
            done.Select(a => latencies[a.Index]).Order().ToList(),
            limited.Count > 0 ? limited.Min(a => a.At) : null,
            limited.Count,
            limited.Count(a => !RateLimitHeaders.HasValidRetryAfter(a.Response!)),
            done.Where(a => a.Response is not null).Select((a, order) => new RateLimitObservation(order, RateLimitHeaders.Limit(a.Response!), RateLimitHeaders.Remaining(a.Response!), RateLimitHeaders.Reset(a.Response!, DateTimeOffset.UtcNow))).ToList(),
            settings.ExpectStatus);

        // The first answer of each kind is kept whole, for the checks every response gets (error shape, headers).
        var samples = done.Where(a => a.Response is not null)
            .GroupBy(a => a.Response!.Status / 100 * 100 + (a.Response!.Status == settings.ExpectStatus ? 1 : 0))
            .Select(g => g.First())
            .Select(a => new Exchange(probe, planned, request, a.Response, null, TimeSpan.FromMilliseconds(latencies[a.Index])))
            .ToList();
        return (result, samples);
    }
}
