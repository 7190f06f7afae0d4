using System.Diagnostics;
using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Execution;

/// <summary>
/// Sends a burst: exactly the configured number of copies of one request, at most the configured
/// number at a time, on a pool of that many connections, bounded in time. Built for speed (it must
/// trip real rate limiters): each answer is reduced to its status, latency and rate-limit headers on
/// a per-worker buffer; only the first answer of each kind is kept whole, for the checks.
/// </summary>
public sealed class BurstRunner
{
    private readonly ITransport _transport;

    public BurstRunner(ITransport transport)
    {
        _transport = transport;
    }

    private sealed record Answer(int Status, bool HasRetryAfter, RateLimitObservation? Limits, TimeSpan At);

    public async Task<(BurstResult Result, IReadOnlyList<Exchange> Samples)> RunAsync(Probe probe, SentRequest request, PlannedRequest planned, CancellationToken cancellationToken)
    {
        var settings = probe.Burst!;
        using var sender = _transport.CreateBurst(request, settings.Concurrency);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(settings.Within * 3 + TimeSpan.FromSeconds(15));

        var latencies = new double[settings.Requests];
        var answers = new Answer?[settings.Requests];
        var errors = new string?[settings.Requests];
        var samples = new System.Collections.Concurrent.ConcurrentDictionary<int, Exchange>();
        var next = -1;

        // The connections are opened first, so the burst's clock and rate are those of its requests.
        var lanes = Enumerable.Range(0, settings.Concurrency).Select(_ => sender.OpenLane()).ToList();
        await Task.WhenAll(lanes.Select(lane => lane.ConnectAsync(bound.Token)));
        var clock = Stopwatch.StartNew();

        int Kind(int status) => status / 100 * 100 + (status == settings.ExpectStatus ? 1 : 0);

        // The first answer of each kind is read whole, as any other probe's is; the rest are drained and counted.
        bool Whole(int status) => !samples.ContainsKey(Kind(status));

        async Task Worker(IBurstLane lane, int number)
        {
            await using var _ = lane;
            int i;
            while ((i = Interlocked.Increment(ref next)) < settings.Requests && !bound.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var received = await lane.SendAsync(Whole, bound.Token);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    answers[i] = new Answer(received.Status, RateLimitHeaders.HasValidRetryAfter(received), Limits(received) is { } limits ? limits with { Lane = number } : null, clock.Elapsed);

                    // Samples only grow: an answer of a kind still missing now was read whole.
                    if (Whole(received.Status))
                    {
                        samples.TryAdd(Kind(received.Status), new Exchange(probe, planned, request, received, null, TimeSpan.FromMilliseconds(latencies[i])));
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException or OperationCanceledException or System.Net.Sockets.SocketException)
                {
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    errors[i] = bound.IsCancellationRequested ? "the burst's time bound ended" : e.Message;
                }
            }
        }

        await Task.WhenAll(lanes.Select((lane, number) => Task.Run(() => Worker(lane, number), CancellationToken.None)));
        clock.Stop();

        var done = Enumerable.Range(0, settings.Requests).Where(i => answers[i] is not null || errors[i] is not null).ToList();
        var answered = done.Where(i => answers[i] is not null).Select(i => answers[i]!).OrderBy(a => a.At).ToList();
        var limited = answered.Where(a => a.Status == settings.ExpectStatus).ToList();
        var result = new BurstResult(
            done.Count,
            clock.Elapsed,
            settings.Concurrency,
            answered.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count()),
            done.Count(i => errors[i] is not null),
            done.Select(i => errors[i]).OfType<string>().Distinct().Take(3).ToList(),
            done.Select(i => latencies[i]).Order().ToList(),
            limited.Count > 0 ? limited[0].At : null,
            limited.Count,
            limited.Count(a => !a.HasRetryAfter),
            answered.Select((a, order) => a.Limits is null ? null : a.Limits with { Index = order }).OfType<RateLimitObservation>().ToList(),
            settings.ExpectStatus);
        return (result, samples.OrderBy(s => s.Key).Select(s => s.Value).ToList());
    }

    private static RateLimitObservation? Limits(ReceivedResponse response)
    {
        var remaining = RateLimitHeaders.Remaining(response);
        return remaining is null ? null : new RateLimitObservation(0, RateLimitHeaders.Limit(response), remaining);
    }
}
