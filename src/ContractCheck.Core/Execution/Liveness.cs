namespace ContractCheck.Core.Execution;

/// <summary>
/// Ends the run when the target stops answering: after <see cref="ExecutorOptions.MaxMissedAnswers"/> requests in a
/// row got no answer (a timeout, a refused or reset connection), <see cref="Stopped"/> is cancelled and every worker
/// stops sending. A hung server then costs about that many timeouts, not one per planned request. Thread-safe.
/// </summary>
public sealed class Liveness : IDisposable
{
    private readonly int _limit;
    private readonly CancellationTokenSource _stopped = new();
    private readonly object _gate = new();
    private int _missed;

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

            if (++_missed >= _limit && Reason is null)
            {
                Reason = $"the API stopped answering ({_limit} requests in a row got no answer: {result.Error}; last: {request.Method} {request.Url.AbsolutePath})";
                _stopped.Cancel();
            }
        }
    }

    public void Dispose() => _stopped.Dispose();
}
