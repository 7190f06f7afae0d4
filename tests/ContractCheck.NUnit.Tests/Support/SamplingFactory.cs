using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContractCheck.NUnit.Tests.Support;

/// <summary>
/// The Todo API as a .NET team's tests host it (<c>WebApplicationFactory&lt;Program&gt;</c>), reading this process's
/// listening TCP ports while it answers (at most every 50 ms: reading /proc on every request would slow the burst
/// below the API's rate limit), and saying when it was disposed.
/// </summary>
public sealed class SamplingFactory : WebApplicationFactory<Program>
{
    private readonly List<IReadOnlySet<int>> _samples = [];
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private TimeSpan _last = TimeSpan.FromHours(-1);

    public IReadOnlyList<IReadOnlySet<int>> Samples
    {
        get
        {
            lock (_samples)
            {
                return _samples.ToList();
            }
        }
    }

    public bool Disposed { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new Sampler(this)));

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        Disposed = true;
        await base.DisposeAsync();
    }

    private void Sample()
    {
        lock (_samples)
        {
            if (_clock.Elapsed - _last < TimeSpan.FromMilliseconds(50))
            {
                return;
            }

            _last = _clock.Elapsed;
            _samples.Add(ListeningSockets.OfThisProcess());
        }
    }

    private sealed class Sampler(SamplingFactory factory) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate rest) =>
            {
                factory.Sample();
                await rest(context);
            });
            next(app);
        };
    }
}
