using Microsoft.AspNetCore.Mvc.Testing;

namespace ContractCheck.NUnit;

/// <summary>
/// Where a suite sends its requests: a URL over sockets, a handler the caller owns, or a test host the suite starts
/// when the run starts and stops after it (clean-up included).
/// </summary>
internal abstract class Target
{
    /// <summary>The base URL of an app in process: its handler answers any host.</summary>
    public static readonly Uri InProcess = new("http://localhost/");

    public abstract Uri BaseUrl { get; }

    /// <summary>Called once, when the run starts: the handler to send through, or null to send over sockets.</summary>
    public abstract HttpMessageHandler? Open();

    /// <summary>Called once, after the run: stops what <see cref="Open"/> started.</summary>
    public virtual ValueTask CloseAsync() => ValueTask.CompletedTask;

    public static Target Url(Uri baseUrl) => new UrlTarget(baseUrl);

    public static Target Handler(HttpMessageHandler handler) => new HandlerTarget(handler);

    public static Target Factory<TEntryPoint>(Func<WebApplicationFactory<TEntryPoint>> create)
        where TEntryPoint : class => new FactoryTarget<TEntryPoint>(create);

    private sealed class UrlTarget(Uri baseUrl) : Target
    {
        public override Uri BaseUrl => baseUrl;

        public override HttpMessageHandler? Open() => null;
    }

    private sealed class HandlerTarget(HttpMessageHandler handler) : Target
    {
        public override Uri BaseUrl => InProcess;

        public override HttpMessageHandler Open() => handler;
    }

    // The factory is made when the run starts (not when NUnit lists the cases) and disposed after the clean-up.
    private sealed class FactoryTarget<TEntryPoint>(Func<WebApplicationFactory<TEntryPoint>> create) : Target
        where TEntryPoint : class
    {
        private WebApplicationFactory<TEntryPoint>? _factory;

        public override Uri BaseUrl => InProcess;

        public override HttpMessageHandler Open()
        {
            _factory = create();
            return _factory.Server.CreateHandler();
        }

        public override async ValueTask CloseAsync()
        {
            if (_factory is not null)
            {
                await _factory.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
