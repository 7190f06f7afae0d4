using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TodoApi;

namespace ContractCheck.Tests;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a free port, configured per test — the way tests host
/// misbehaving endpoints. Counts the requests it receives. Dispose stops it.
/// </summary>
public sealed class TestApi : IAsyncDisposable
{
    private int _requests;

    private TestApi(WebApplication app, Uri baseUrl)
    {
        App = app;
        BaseUrl = baseUrl;
    }

    public WebApplication App { get; }

    public Uri BaseUrl { get; }

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<TestApi> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        TestApi? api = null;
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref api!._requests);
            await next(context);
        });
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        api = new TestApi(app, new Uri(address));
        return api;
    }

    /// <summary>The example Todo API, with <paramref name="before"/> (a planted mistake) in front of it.</summary>
    public static async Task<TestApi> StartTodoAsync(TodoApiOptions? options = null, Action<WebApplication>? before = null)
    {
        TestApi? api = null;
        var (app, url) = await TodoApp.StartAsync(options ?? new TodoApiOptions(), app =>
        {
            app.Use(async (context, next) =>
            {
                Interlocked.Increment(ref api!._requests);
                await next(context);
            });
            before?.Invoke(app);
        });
        api = new TestApi(app, url);
        return api;
    }

    /// <summary>How many todos the Todo API holds (after a run: how many it left behind).</summary>
    public int Todos => App.Services.GetRequiredService<TodoStore>().Count;

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
