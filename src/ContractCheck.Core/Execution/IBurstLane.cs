namespace ContractCheck.Core.Execution;

/// <summary>One worker's connection of a burst (see <see cref="IBurstSender"/>).</summary>
public interface IBurstLane : IAsyncDisposable
{
    /// <summary>Opens the connection before the burst starts, where there is one to open; a failure is left for the first send to meet.</summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends the burst's request once. The answer is read whole (decoded and capped as every other answer) when
    /// <paramref name="whole"/> says so for its status; otherwise its body is drained and only the headers the
    /// burst checks read are kept (<see cref="BurstAnswers.LimitingHeaders"/>).
    /// </summary>
    /// <exception cref="HttpRequestException">No answer, or not HTTP.</exception>
    /// <exception cref="IOException">The connection broke while reading.</exception>
    Task<ReceivedResponse> SendAsync(Func<int, bool> whole, CancellationToken cancellationToken);
}
