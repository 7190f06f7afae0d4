using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContractCheck.Bench;

/// <summary>The benchmarks' Kestrel servers: on 127.0.0.1 only, no logging, a free port unless one is named.</summary>
public static class LocalServer
{
    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync(Action<WebApplication> map, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add($"http://127.0.0.1:{port}");
        map(app);
        await app.StartAsync();
        return (app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    /// <summary>Keeps a server up for <paramref name="seconds"/>, or until SIGTERM / Ctrl-C stops its host, then stops it.</summary>
    public static async Task ServeAsync(WebApplication app, int seconds)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), app.Lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync();
    }
}
