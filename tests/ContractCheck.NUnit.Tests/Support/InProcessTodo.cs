using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TodoApi;

namespace ContractCheck.NUnit.Tests.Support;

/// <summary>The example Todo API on an ASP.NET Core TestServer (no port), with its handler for <c>ContractSuite.Against(handler)</c>.</summary>
public sealed class InProcessTodo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessTodo(WebApplication app)
    {
        _app = app;
        Handler = ((TestServer)app.Services.GetRequiredService<IServer>()).CreateHandler();
    }

    public HttpMessageHandler Handler { get; }

    /// <summary>How many todos the API holds (after a run: how many it left behind).</summary>
    public int Todos => _app.Services.GetRequiredService<TodoStore>().Count;

    public static async Task<InProcessTodo> StartAsync(TodoApiOptions options)
    {
        var app = TodoApp.Create(options, host: builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        return new InProcessTodo(app);
    }

    public async ValueTask DisposeAsync()
    {
        Handler.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
