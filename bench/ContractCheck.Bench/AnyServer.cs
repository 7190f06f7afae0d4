using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Bench;

/// <summary>
/// A trivial target for whole-run benchmarks: 127.0.0.1:port answers <c>200 {}</c> to every method and path,
/// after <c>delayMs</c> (to stand in for a real API's latency); it stops by itself after <c>seconds</c>.
/// </summary>
public static class AnyServer
{
    public static async Task<int> ServeAsync(int port, int seconds, int delayMs)
    {
        var (app, _) = await LocalServer.StartAsync(
            app => app.Run(async context =>
            {
                if (delayMs > 0)
                {
                    await Task.Delay(delayMs);
                }

                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{}");
            }),
            port);
        Console.WriteLine($"answering 200 {{}} on http://127.0.0.1:{port} (+{delayMs} ms) for {seconds} s");
        await LocalServer.ServeAsync(app, seconds);
        return 0;
    }
}
