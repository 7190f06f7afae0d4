namespace ContractCheck.Core.Execution;

/// <summary>
/// The transport over a handler the caller hands in, such as an ASP.NET Core <c>TestServer</c>'s or a
/// <c>WebApplicationFactory</c>'s: requests go to the app in process and no port is opened. There is
/// nothing to reach or to trust first, so <see cref="CheckReachableAsync"/> does nothing.
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

    // The app in process takes as many requests at once as it is sent; its handler is shared, not owned.
    protected override HttpMessageInvoker CreateBurstInvoker(int concurrency) => new(_handler, disposeHandler: false);
}
