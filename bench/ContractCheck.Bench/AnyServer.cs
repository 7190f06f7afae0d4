using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ContractCheck.Bench;

/// <summary>
/// A trivial target for whole-run benchmarks: 127.0.0.1:port answers <c>200 {}</c> to every method and path,
/// after <c>delayMs</c> (to stand in for a real API's latency); it stops by itself after <c>seconds</c>.
/// </summary>
public static class AnyServer
{
    public static async Task<int> ServeAsync(int port, int seconds, int delayMs)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add($"http://127.0.0.1:{port}");
        app.Run(async context =>
        {
            if (delayMs > 0)
            {
                await Task.Delay(delayMs);
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{}");
        });
        await app.StartAsync();
        Console.WriteLine($"answering 200 {{}} on http://127.0.0.1:{port} (+{delayMs} ms) for {seconds} s");
        // Ends after its time, or at once on SIGTERM / Ctrl-C (the host's lifetime stops the app).
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), app.Lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync();
        return 0;
    }
}
