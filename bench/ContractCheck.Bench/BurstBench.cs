using System.Diagnostics;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Spec;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace ContractCheck.Bench;

/// <summary>
/// The burst engine's throughput against a trivial loopback endpoint, to compare with wrk on the
/// same endpoint (run-burst.sh runs both against one server process).
/// </summary>
public static class BurstBench
{
    /// <summary>A trivial endpoint on 127.0.0.1:port; stops by itself after <paramref name="seconds"/>.</summary>
    public static async Task<int> ServeAsync(int port, int seconds)
    {
        var (app, _) = await LocalServer.StartAsync(app => app.MapGet("/ping", () => Results.Text("{\"ok\":true}", "application/json")), port);
        Console.WriteLine($"serving http://127.0.0.1:{port}/ping for {seconds} s");
        await LocalServer.ServeAsync(app, seconds);
        return 0;
    }

    /// <summary>Sends <paramref name="requests"/> GETs at <paramref name="concurrency"/> with the burst engine and prints the rate.</summary>
    public static async Task<int> BurstAsync(Uri url, int requests, int concurrency)
    {
        if (!url.IsLoopback)
        {
            await Console.Error.WriteLineAsync($"the burst benchmark sends only to 127.0.0.1; {url} is another host");
            return 2;
        }

        var options = new ExecutorOptions(new Uri(url.GetLeftPart(UriPartial.Authority)));
        var operation = new ApiOperation("GET", url.AbsolutePath, new OpenApiOperation(), [], []);
        var planned = new PlannedRequest("GET", url.AbsolutePath, new Dictionary<string, PathValue>(), [], [], null, null);
        var probe = new Probe("burst", operation, [planned], null) { Burst = new BurstSettings(requests, TimeSpan.FromSeconds(10), concurrency, 429) };
        var sent = new SentRequest("GET", url, [], null);

        // One warm-up round, then the measured one.
        using var transport = new SocketTransport(options);
        await new BurstRunner(transport).RunAsync(probe with { Burst = probe.Burst with { Requests = Math.Min(2000, requests) } }, sent, planned, default);
        var clock = Stopwatch.StartNew();
        var (result, _) = await new BurstRunner(transport).RunAsync(probe, sent, planned, default);
        clock.Stop();
        Console.WriteLine($"contractcheck burst: {result.Sent} requests in {result.Duration.TotalSeconds:0.00} s = {result.Rate:0} requests/s (concurrency {concurrency}; {string.Join(", ", result.Statuses.Select(s => $"{s.Key} ×{s.Value}"))}, errors {result.Errors})");
        return 0;
    }
}
