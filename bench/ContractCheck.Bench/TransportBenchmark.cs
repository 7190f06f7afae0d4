using System.Net;
using BenchmarkDotNet.Attributes;
using ContractCheck.Core.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Bench;

/// <summary>
/// The per-request cost of ContractCheck's socket transport (the body read up to the cap, decompression checked), as
/// it sends (a raw message) and through Flurl.Http, next to the same exchange sent straight through a
/// SocketsHttpHandler and read whole: a POST of 50 bytes answered with a small JSON body, one at a time, from a
/// Kestrel server on 127.0.0.1.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 30)]
public class TransportBenchmark
{
    private static readonly byte[] Body = "{\"title\":\"benchmark\",\"done\":false,\"tags\":[\"a\"]}  "u8.ToArray();
    private static readonly KeyValuePair<string, string>[] Headers = [new("Accept", "application/json"), new("User-Agent", "ContractCheck/bench"), new("Authorization", "Bearer bench-token")];
    private WebApplication _server = null!;
    private Uri _url = null!;
    private HttpMessageInvoker _raw = null!;
    private SocketTransport _transport = null!;
    private SocketTransport _plain = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_server, var baseUrl) = LocalServer.StartAsync(app => app.MapPost("/todos", () => Results.Text("{\"id\":1,\"title\":\"benchmark\",\"done\":false}", "application/json", statusCode: 201))).GetAwaiter().GetResult();
        _url = new Uri(baseUrl, "/todos");
        _raw = new HttpMessageInvoker(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None, UseCookies = false });
        _transport = new SocketTransport(new ExecutorOptions(baseUrl)) { ViaFlurl = true };
        _plain = new SocketTransport(new ExecutorOptions(baseUrl));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _transport.Dispose();
        _plain.Dispose();
        _server.StopAsync().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "SocketsHttpHandler, body read whole")]
    public async Task<int> Raw()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(Body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _raw.SendAsync(request, CancellationToken.None);
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [Benchmark(Description = "ContractCheck transport (raw message, as sent)")]
    public async Task<int> TransportWithoutFlurl()
    {
        var result = await _plain.SendAsync(new SentRequest("POST", _url, Headers, Body, "application/json"), CancellationToken.None);
        return result.Response!.Body.Length;
    }

    [Benchmark(Description = "ContractCheck transport (Flurl)")]
    public async Task<int> Transport()
    {
        var result = await _transport.SendAsync(new SentRequest("POST", _url, Headers, Body, "application/json"), CancellationToken.None);
        return result.Response!.Body.Length;
    }
}
