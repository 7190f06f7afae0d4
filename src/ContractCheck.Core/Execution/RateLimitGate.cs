namespace ContractCheck.Core.Execution;

/// <summary>
/// The target's own rate limit, shared by every worker: a 429 on one request pauses all of them until the wait
/// it asked for is over (Retry-After, else the rate-limit reset, else a second; never more than the ceiling),
/// instead of each worker running into the limit on its own.
/// </summary>
public sealed class RateLimitGate
{
    private readonly ExecutorOptions _options;
    private long _resumeAt;

    public RateLimitGate(ExecutorOptions options)
    {
        _options = options;
    }

    /// <summary>Waits until no pause is in force.</summary>
    public async Task WaitAsync(CancellationToken stop)
    {
        while (true)
        {
            var wait = new DateTimeOffset(Volatile.Read(ref _resumeAt), TimeSpan.Zero) - DateTimeOffset.UtcNow;
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, stop);
        }
    }

    /// <summary>
    /// After an answer: true when it is a 429 to wait out and send again — the target's rate limit at work is not a
    /// finding — while fewer than <see cref="ExecutorOptions.MaxRateLimitRetries"/> waits were made for this request
    /// and <paramref name="budget"/> allows one more. The pause it asks for is then in force for every worker.
    /// </summary>
    public bool Throttled(ReceivedResponse? answer, int waited, RequestBudget budget, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        if (answer is not { Status: 429 } || waited >= _options.MaxRateLimitRetries || !budget.TryTake())
        {
            return false;
        }

        wait = Pause(answer);
        return true;
    }

    /// <summary>Starts (or lengthens) the pause a 429 asks for; returns how long it is.</summary>
    public TimeSpan Pause(ReceivedResponse limited)
    {
        var wait = WaitFor(limited);
        var until = (DateTimeOffset.UtcNow + wait).UtcTicks;
        long current;
        while ((current = Volatile.Read(ref _resumeAt)) < until && Interlocked.CompareExchange(ref _resumeAt, until, current) != current)
        {
        }

        return wait;
    }

    /// <summary>How long a 429 asks to wait: Retry-After, else the rate-limit reset, else a second; never more than the ceiling.</summary>
    public TimeSpan WaitFor(ReceivedResponse response)
    {
        var now = DateTimeOffset.UtcNow;
        var wait = RateLimitHeaders.RetryAfter(response, now) ?? RateLimitHeaders.Reset(response, now) ?? TimeSpan.FromSeconds(1);
        return wait > _options.MaxRateLimitWait ? _options.MaxRateLimitWait : wait < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : wait;
    }
}
