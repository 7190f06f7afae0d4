using System.Diagnostics;

namespace ContractCheck.Core.Execution;

/// <summary>
/// A burst sent by one awaited worker per connection (<see cref="IBurstLane"/>): over a caller's handler, and over
/// TLS. Each worker takes the next request's number from the tally and sends on its own lane until none is left or
/// the burst's time bound ends.
/// </summary>
internal static class BurstLanes
{
    public static async Task SendAsync(Func<IBurstLane> open, BurstTally tally, CancellationToken cancellationToken)
    {
        // The connections are opened first, so the burst's clock and rate are those of its requests.
        var lanes = Enumerable.Range(0, tally.Concurrency).Select(_ => open()).ToList();
        await Task.WhenAll(lanes.Select(lane => lane.ConnectAsync(cancellationToken)));
        tally.Start();
        await Task.WhenAll(lanes.Select((lane, number) => Task.Run(() => WorkAsync(lane, number, tally, cancellationToken), CancellationToken.None)));
    }

    private static async Task WorkAsync(IBurstLane lane, int number, BurstTally tally, CancellationToken cancellationToken)
    {
        await using var _ = lane;
        while (!cancellationToken.IsCancellationRequested && tally.TryTake(out var request))
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                tally.Answered(request, await lane.SendAsync(tally.Whole, cancellationToken), started, number);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException or OperationCanceledException or System.Net.Sockets.SocketException)
            {
                tally.Failed(request, cancellationToken.IsCancellationRequested ? BurstTally.OutOfTime : e.Message, started);
            }
        }
    }
}
