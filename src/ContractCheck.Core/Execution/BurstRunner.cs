using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Execution;

/// <summary>
/// Sends a burst: exactly the configured number of copies of one request, at most the configured number at a time,
/// on a pool of that many connections, bounded in time. Built for speed (it must trip real rate limiters): the
/// transport's sender does the sending (<see cref="IBurstSender"/>), a <see cref="BurstTally"/> reduces each answer
/// to its status, latency and rate-limit headers and keeps the first answer of each kind whole, for the checks.
/// </summary>
public sealed class BurstRunner
{
    private readonly ITransport _transport;

    public BurstRunner(ITransport transport)
    {
        _transport = transport;
    }

    public async Task<(BurstResult Result, IReadOnlyList<Exchange> Samples)> RunAsync(Probe probe, SentRequest request, PlannedRequest planned, CancellationToken cancellationToken)
    {
        var settings = probe.Burst!;
        using var sender = _transport.CreateBurst(request, settings.Concurrency);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(settings.Within * 3 + TimeSpan.FromSeconds(15));

        var tally = new BurstTally(settings, (received, latency) => new Exchange(probe, planned, request, received, null, latency));
        await sender.SendAsync(tally, bound.Token);
        cancellationToken.ThrowIfCancellationRequested();
        return tally.End();
    }
}
