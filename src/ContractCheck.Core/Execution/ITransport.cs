namespace ContractCheck.Core.Execution;

/// <summary>
/// The seam of the Execute stage: "send this request, give me the response read up to the cap". Over
/// sockets (<see cref="SocketTransport"/>) or over any <see cref="HttpMessageHandler"/> a caller hands in
/// (<see cref="HandlerTransport"/>: an ASP.NET Core test server, no port opened). Thread-safe: workers share one.
/// </summary>
public interface ITransport : IDisposable
{
    /// <summary>
    /// Sends one request within the per-request timeout. Returns the answer or the error that stood in its place;
    /// throws <see cref="OperationCanceledException"/> only when <paramref name="stop"/> is cancelled.
    /// </summary>
    Task<TransportResult> SendAsync(SentRequest request, CancellationToken stop);

    /// <summary>Checks, before the first request, that the target can be reached at all; throws <see cref="TargetUnreachableException"/> when not.</summary>
    Task CheckReachableAsync(CancellationToken cancellationToken);

    /// <summary>A sender for a burst of <paramref name="request"/>: many connections at once, no reading beyond what the burst asks.</summary>
    IBurstSender CreateBurst(SentRequest request, int concurrency);

    /// <summary>The body cap of this transport's reads, in bytes.</summary>
    int MaxBodyBytes { get; }
}
