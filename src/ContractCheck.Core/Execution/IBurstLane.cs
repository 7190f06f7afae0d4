namespace ContractCheck.Core.Execution;

/// <summary>One worker's connection of a burst sent by <see cref="BurstLanes"/>.</summary>
internal interface IBurstLane : IAsyncDisposable
{
    /// <summary>Opens the connection before the burst starts, where there is one to open; a failure is left for the first send to meet.</summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends the burst's request once. The answer is read whole when <paramref name="whole"/> says so for its status;
    /// otherwise only what <see cref="IBurstSender.SendAsync"/> says a counted answer keeps.
    /// </summary>
    /// <exception cref="HttpRequestException">No answer, or not HTTP.</exception>
    /// <exception cref="IOException">The connection broke while reading.</exception>
    Task<ReceivedResponse> SendAsync(Func<int, bool> whole, CancellationToken cancellationToken);
}
