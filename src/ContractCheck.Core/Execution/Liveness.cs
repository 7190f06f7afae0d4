namespace ContractCheck.Core.Execution;

/// <summary>
/// Ends the run when the target stops answering: after <see cref="ExecutorOptions.MaxMissedAnswers"/> requests in a
/// row got no answer (a timeout, a refused or reset connection), <see cref="Stopped"/> is cancelled and every worker
/// stops sending. A hung server then costs about that many timeouts, not one per planned request. "In a row" is in
/// time: misses of requests that were in flight together count once (workers sending three watch streams at the same
/// moment are one silence, not three), so only a target silent across successive waits is taken for dead. Thread-safe.
/// </summary>
public sealed class Liveness : IDisposable
{
    private readonly int _limit;
    private readonly CancellationTokenSource _stopped = new();
    private readonly object _gate = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private int _missed;
    private TimeSpan _lastMiss = TimeSpan.MinValue;

    public Liveness(int limit)
    {
        _limit = limit;
    }

    /// <summary>Cancelled once the target is taken for dead.</summary>
    public CancellationToken Stopped => _stopped.Token;

    /// <summary>Why the run stopped: "the API stopped answering (…)", or null while it answers.</summary>
    public string? Reason { get; private set; }

    /// <summary>Counts a request's result: an answer resets the count, a missed one adds to it.</summary>
    public void Observe(SentRequest request, TransportResult result)
    {
        lock (_gate)
        {
            if (!result.NoAnswer)
            {
                _missed = 0;
                return;
            }

            // A miss of a request sent before the last counted miss ended overlapped it: the same silence.
            var now = _clock.Elapsed;
            if (now - result.Elapsed < _lastMiss)
            {
                return;
            }

            _lastMiss = now;
            if (++_missed >= _limit && Reason is null)
            {
                Reason = $"the API stopped answering ({_limit} requests in a row got no answer: {result.Error}; last: {request.Method} {request.Url.AbsolutePath})";
                _stopped.Cancel();
            }
        }
    }

    public void Dispose() => _stopped.Dispose();
}
