using System.Collections.Concurrent;
using System.Diagnostics;
using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Execution;

/// <summary>
/// What the senders of one burst share: the number of the next request to send, the burst's clock, and what each
/// request met — its answer reduced to status, latency and rate-limit headers, or why it had none. The first answer
/// of each kind (2xx, 4xx, … and the expected throttling status) is kept whole, for the checks.
/// </summary>
public sealed class BurstTally
{
    /// <summary>Why a request still in flight when the burst's time bound ended has no answer.</summary>
    public const string OutOfTime = "the burst's time bound ended";

    private readonly BurstSettings _settings;
    private readonly Func<ReceivedResponse, TimeSpan, Exchange> _sample;
    private readonly double[] _latencies;
    private readonly Answer?[] _answers;
    private readonly string?[] _errors;
    private readonly ConcurrentDictionary<int, Exchange> _samples = new();
    private readonly Stopwatch _clock = new();
    private int _next = -1;

    internal BurstTally(BurstSettings settings, Func<ReceivedResponse, TimeSpan, Exchange> sample)
    {
        _settings = settings;
        _sample = sample;
        _latencies = new double[settings.Requests];
        _answers = new Answer?[settings.Requests];
        _errors = new string?[settings.Requests];
    }

    private sealed record Answer(int Status, bool HasRetryAfter, RateLimitObservation? Limits, TimeSpan At);

    /// <summary>Requests at a time: the number of connections.</summary>
    public int Concurrency => _settings.Concurrency;

    /// <summary>Starts the burst's clock: its connections are open, so its rate is that of its requests.</summary>
    public void Start() => _clock.Start();

    /// <summary>The number of the next request to send; false once every request was taken.</summary>
    public bool TryTake(out int number)
    {
        number = Interlocked.Increment(ref _next);
        return number < _settings.Requests;
    }

    /// <summary>True when an answer of this status is read whole: none of its kind was kept yet.</summary>
    public bool Whole(int status) => !_samples.ContainsKey(Kind(status));

    /// <summary>Request <paramref name="number"/>, sent at <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp) on connection <paramref name="lane"/>, was answered.</summary>
    public void Answered(int number, ReceivedResponse received, long started, int lane)
    {
        var latency = Stopwatch.GetElapsedTime(started);
        _latencies[number] = latency.TotalMilliseconds;
        _answers[number] = new Answer(received.Status, RateLimitHeaders.HasValidRetryAfter(received), RateLimitHeaders.Observe(received, lane), _clock.Elapsed);

        // Samples only grow: an answer of a kind still missing now was read whole.
        if (Whole(received.Status))
        {
            _samples.TryAdd(Kind(received.Status), _sample(received, latency));
        }
    }

    /// <summary>Request <paramref name="number"/>, sent at <paramref name="started"/>, had no answer, for the reason given.</summary>
    public void Failed(int number, string why, long started)
    {
        _latencies[number] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _errors[number] = why;
    }

    /// <summary>The burst as the checks read it, once every sender stopped.</summary>
    internal (BurstResult Result, IReadOnlyList<Exchange> Samples) End()
    {
        _clock.Stop();
        var done = Enumerable.Range(0, _settings.Requests).Where(i => _answers[i] is not null || _errors[i] is not null).ToList();
        var answered = done.Where(i => _answers[i] is not null).Select(i => _answers[i]!).OrderBy(a => a.At).ToList();
        var limited = answered.Where(a => a.Status == _settings.ExpectStatus).ToList();
        var result = new BurstResult(
            done.Count,
            _clock.Elapsed,
            _settings.Concurrency,
            answered.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count()),
            done.Count(i => _errors[i] is not null),
            done.Select(i => _errors[i]).OfType<string>().Distinct().Take(3).ToList(),
            done.Select(i => _latencies[i]).Order().ToList(),
            limited.Count > 0 ? limited[0].At : null,
            limited.Count,
            limited.Count(a => !a.HasRetryAfter),
            answered.Select((a, order) => a.Limits is null ? null : a.Limits with { Index = order }).OfType<RateLimitObservation>().ToList(),
            _settings.ExpectStatus);
        return (result, _samples.OrderBy(s => s.Key).Select(s => s.Value).ToList());
    }

    private int Kind(int status) => status / 100 * 100 + (status == _settings.ExpectStatus ? 1 : 0);
}
