namespace ContractCheck.Core.Execution;

/// <summary>
/// The transport over a handler the caller hands in, such as an ASP.NET Core <c>TestServer</c>'s or a
/// <c>WebApplicationFactory</c>'s: requests go to the app in process and no port is opened. There is
/// nothing to reach or to trust first, so <see cref="CheckReachableAsync"/> does nothing. An exception the app throws
/// through the handler is that request's error, as a server's 500 would be.
/// </summary>
public sealed class HandlerTransport : MessageTransport
{
    private readonly HttpMessageHandler _handler;

    public HandlerTransport(HttpMessageHandler handler, ExecutorOptions options)
        : base(handler, options, disposeHandler: false)
    {
        _handler = handler;
    }

    public override Task CheckReachableAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // A TestServer hands the app's unhandled exception to the caller; over a socket the server would have answered 500.
    // It is the answer's error (the probe fails with it), not the end of the run.
    protected override string? AppFault(Exception exception) =>
        exception is OperationCanceledException ? null : $"the app threw {exception.GetType().FullName}: {exception.Message} (in process; a server would answer 500 with no body)";

    // The app in process takes as many requests at once as it is sent; its handler is shared, not owned.
    protected override HttpMessageInvoker CreateBurstInvoker(int concurrency) => new(_handler, disposeHandler: false);
}
