using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TodoApi;

namespace LegacyApi;

/// <summary>
/// The Todo API's contract (examples/TodoApi/openapi.yaml) implemented the way too many APIs are:
/// one hand-written dispatcher, and every classic mistake ContractCheck's design tables forbid.
/// Each mistake is marked where it is made.
/// </summary>
public static class LegacyApp
{
    public static WebApplication Create(string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args ?? [], ApplicationName = typeof(LegacyApp).Assembly.GetName().Name });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TodoStore>();
        builder.Services.AddSingleton<LegacyState>();
        var app = builder.Build();
        app.Run(context => new LegacyHandler(context, context.RequestServices.GetRequiredService<TodoStore>(), context.RequestServices.GetRequiredService<LegacyState>()).HandleAsync());
        return app;
    }

    /// <summary>Starts the API on 127.0.0.1 with a free port; returns the app and its base URL.</summary>
    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync(CancellationToken cancellationToken = default)
    {
        var app = Create();
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
