namespace ContractCheck.Core.Execution;

/// <summary>
/// Sends one request many times at once, for a burst, on as many connections as the tally's concurrency. Made by
/// the transport: over sockets a lean HTTP/1.1 client (one polling thread for plain HTTP, a worker per connection
/// over TLS), over a caller's handler that handler.
/// </summary>
public interface IBurstSender : IDisposable
{
    /// <summary>
    /// Opens the connections, starts the tally's clock, then sends the request once for each number the tally gives
    /// and records there what came back, until no number is left or <paramref name="cancellationToken"/> ends the
    /// burst (a request then in flight is recorded as <see cref="BurstTally.OutOfTime"/>). An answer is read whole
    /// (decoded and capped as every other answer) when <see cref="BurstTally.Whole"/> says so for its status;
    /// otherwise its body is drained and only the headers the burst checks read are kept
    /// (<see cref="BurstAnswers.LimitingHeaders"/>).
    /// </summary>
    Task SendAsync(BurstTally tally, CancellationToken cancellationToken);
}
