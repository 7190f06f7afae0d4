using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Spec;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Tests.Execution;

/// <summary>
/// The burst's plain HTTP/1.1 client over sockets: it sends what the handler would, reads every framing as the
/// handler does (kept answers decoded and capped the same way), keeps its connections alive, and meets broken
/// servers with an error, not a hang.
/// </summary>
public class RawBurstTests
{
    private static readonly ConcurrentQueue<string> Seen = new();
    private static readonly ConcurrentDictionary<string, byte> Connections = new();
    private static TestApi _api = null!;

    [OneTimeSetUp]
    public static async Task StartAsync()
    {
        _api = await TestApi.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                Connections.TryAdd(context.Connection.Id, 0);
                await next(context);
            });
            app.MapMethods("/echo", ["GET", "POST", "PUT", "DELETE"], async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                var headers = string.Join("\n", request.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => $"{h.Key.ToLowerInvariant()}: {h.Value}"));
                Seen.Enqueue($"{request.Method} {request.Path}{request.QueryString}\n{headers}\n\n{await reader.ReadToEndAsync()}");
                return Results.Text("{\"ok\":true}", "application/json");
            });
            app.MapMethods("/length", ["GET", "HEAD"], () => Results.Text("{\"items\":[1,2,3]}", "application/json"));
            app.MapGet("/chunked", async (HttpResponse response) =>
            {
                response.ContentType = "text/plain";
                response.Headers["RateLimit"] = "\"default\";r=4;t=10";
                for (var i = 0; i < 5; i++)
                {
                    await response.WriteAsync($"part {i};");
                    await response.Body.FlushAsync();
                }
            });
            app.MapGet("/empty", () => Results.NoContent());
            app.MapGet("/gzip", () =>
            {
                var zipped = new MemoryStream();
                using (var gzip = new GZipStream(zipped, CompressionLevel.Fastest, leaveOpen: true))
                {
                    gzip.Write(Encoding.UTF8.GetBytes(new string('x', 50_000)));
                }

                return Results.Bytes(zipped.ToArray(), "text/plain");
            }).AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.ContentEncoding = "gzip";
                return await next(context);
            });
            app.MapGet("/limited", (HttpResponse response) =>
            {
                response.Headers.RetryAfter = "3";
                return Results.Json(new { message = "slow down" }, statusCode: 429);
            });
        });
    }

    [OneTimeTearDown]
    public static async Task StopAsync() => await _api.DisposeAsync();

    private static ExecutorOptions Options(Uri url, bool insecure = false) => new(url) { Insecure = insecure };

    private static SentRequest Get(string path, string method = "GET") => new(method, new Uri(_api.BaseUrl, path), [new("Accept", "application/json"), new("User-Agent", "ContractCheck/test")], null);

    [Test]
    public async Task Request_IsWhatTheHandlerSends()
    {
        var request = new SentRequest("POST", new Uri(_api.BaseUrl, "/echo?q=a%20b&n=1"), [new("Accept", "application/json"), new("X-Api-Key", "k1"), new("User-Agent", "ContractCheck/test")], Encoding.UTF8.GetBytes("{\"name\":\"Ä\"}"), "application/json; charset=utf-8");
        using var transport = new SocketTransport(Options(_api.BaseUrl));
        Seen.Clear();
        await transport.SendAsync(request, default);
        using var raw = RawBurstSender.For(Options(_api.BaseUrl), request)!;
        await using var lane = raw.OpenLane();
        await lane.SendAsync(_ => true, default);

        var seen = Seen.ToArray();
        Assert.That(seen, Has.Length.EqualTo(2));
        Assert.That(seen[1], Is.EqualTo(seen[0]), "method, target, every header and the body bytes are the same");
        Assert.That(seen[0], Does.Contain("x-api-key: k1").And.Contain("content-length: 13").And.EndWith("{\"name\":\"Ä\"}"));
    }

    // Each kept answer is read as the handler reads it, by a lane (TLS bursts, one worker per connection) and by the
    // polling loop (plain-HTTP bursts, every connection on one thread).
    private static readonly (string Path, string Method)[] KeptPaths = [("/length", "GET"), ("/length", "HEAD"), ("/chunked", "GET"), ("/empty", "GET"), ("/gzip", "GET"), ("/limited", "GET")];

    private static IEnumerable<TestCaseData> KeptAnswers() =>
        from kept in KeptPaths from engine in new[] { "lane", "loop" } select new TestCaseData(kept.Path, kept.Method, engine);

    [TestCaseSource(nameof(KeptAnswers))]
    public async Task KeptAnswer_IsReadAsTheHandlerReadsIt(string path, string method, string engine)
    {
        var request = Get(path, method);
        using var transport = new SocketTransport(Options(_api.BaseUrl));
        var expected = (await transport.SendAsync(request, default)).Response!;

        ReceivedResponse received;
        if (engine == "lane")
        {
            using var raw = RawBurstSender.For(Options(_api.BaseUrl), request)!;
            await using var lane = raw.OpenLane();
            received = await lane.SendAsync(_ => true, default);
        }
        else
        {
            var (result, samples) = await BurstAsync(request, 6, 2);
            Assert.That(result.Statuses, Is.EqualTo(new Dictionary<int, int> { [expected.Status] = 6 }));
            received = samples.Single().Response!;
        }

        Assert.That(received.Status, Is.EqualTo(expected.Status));
        Assert.That(received.BodyText, Is.EqualTo(expected.BodyText), "decoded where the server compressed it, as the handler's answer is");
        Assert.That(received.Truncated, Is.EqualTo(expected.Truncated));
        Assert.That(Names(received), Is.EquivalentTo(Names(expected).Where(n => n != "content-length" || received.HasHeader("Content-Length"))));
    }

    [Test]
    public async Task CountedAnswer_KeepsOnlyTheBurstsHeaders_AndNoBody()
    {
        using var raw = RawBurstSender.For(Options(_api.BaseUrl), Get("/chunked"))!;
        await using var lane = raw.OpenLane();

        var counted = await lane.SendAsync(_ => false, default);
        var limited = await RawBurstSender.For(Options(_api.BaseUrl), Get("/limited"))!.OpenLane().SendAsync(_ => false, default);

        Assert.That(counted.Status, Is.EqualTo(200));
        Assert.That(counted.Body, Is.Empty);
        Assert.That(Names(counted), Is.EquivalentTo(new[] { "date", "ratelimit" }));
        Assert.That(limited.Status, Is.EqualTo(429));
        Assert.That(limited.Header("Retry-After"), Is.EqualTo("3"));
    }

    [Test]
    public async Task Lane_KeepsItsConnectionAlive()
    {
        using var raw = RawBurstSender.For(Options(_api.BaseUrl), Get("/chunked"))!;
        await using var lane = raw.OpenLane();
        await lane.ConnectAsync(default);
        Connections.Clear();

        for (var i = 0; i < 20; i++)
        {
            Assert.That((await lane.SendAsync(_ => i % 2 == 0, default)).Status, Is.EqualTo(200));
        }

        Assert.That(Connections, Has.Count.EqualTo(1), "twenty requests, chunked answers read to their end, one connection");
    }

    [Test]
    public async Task Burst_SendsExactlyItsRequests_OnItsConnections()
    {
        var before = _api.Requests;
        Connections.Clear();
        var url = new Uri(_api.BaseUrl, "/limited");
        var planned = new PlannedRequest("GET", "/limited", new Dictionary<string, PathValue>(), [], [], null, null);
        var probe = new Probe("burst", new ApiOperation("GET", "/limited", new OpenApiOperation(), [], []), [planned], null) { Burst = new BurstSettings(300, TimeSpan.FromSeconds(5), 4, 429) };
        using var transport = new SocketTransport(Options(_api.BaseUrl));

        var (result, samples) = await new BurstRunner(transport).RunAsync(probe, Get("/limited"), planned, default);

        Assert.That(result.Sent, Is.EqualTo(300));
        Assert.That(_api.Requests - before, Is.EqualTo(300));
        Assert.That(result.Statuses, Is.EqualTo(new Dictionary<int, int> { [429] = 300 }));
        Assert.That(result.LimitedWithoutRetryAfter, Is.Zero, "every counted 429 kept its Retry-After");
        Assert.That(Connections.Count, Is.LessThanOrEqualTo(4));
        Assert.That(samples.Single().Response!.BodyText, Does.Contain("slow down"), "the first 429 is kept whole");
    }

    [Test]
    public async Task ServerThatClosesEveryConnection_IsSentAgainOnANewOne()
    {
        // The raw server answers with a Content-Length and closes, without saying Connection: close.
        await using var server = RawHttpServer.Start("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok");
        using var raw = RawBurstSender.For(Options(server.BaseUrl), new SentRequest("GET", server.BaseUrl, [], null))!;
        await using var lane = raw.OpenLane();

        for (var i = 0; i < 5; i++)
        {
            Assert.That((await lane.SendAsync(_ => true, default)).BodyText, Is.EqualTo("ok"));
        }

        Assert.That(server.Requests, Is.EqualTo(5));
    }

    // Answers written by hand, each with the body it frames: read by a lane and by the loop.
    private static readonly object[] Framings =
    [
        new object[] { "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok", "ok" },
        new object[] { "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", "ok" },
        new object[] { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n", "abcde" },
        new object[] { "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end", "until the end" },
    ];

    [TestCaseSource(nameof(Framings))]
    public async Task Framing_OfHandWrittenAnswers_IsRead(string answer, string body)
    {
        await using var server = RawHttpServer.Start(answer);
        using var raw = RawBurstSender.For(Options(server.BaseUrl), new SentRequest("GET", server.BaseUrl, [], null))!;
        await using var lane = raw.OpenLane();

        var first = await lane.SendAsync(_ => true, default);
        var second = await lane.SendAsync(_ => true, default);

        Assert.That(first.Status, Is.EqualTo(200));
        Assert.That(first.BodyText, Is.EqualTo(body));
        Assert.That(second.BodyText, Is.EqualTo(body));
    }

    // Answers that are not HTTP or are framed wrongly: the error each is, and what it says.
    private static readonly object[] BrokenAnswers =
    [
        new object[] { "SSH-2.0-OpenSSH_9.2\r\n\r\n", typeof(HttpRequestException), "not HTTP/1.1" },
        new object[] { "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", typeof(IOException), "7 bytes before the end" },
        new object[] { "HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n", typeof(HttpRequestException), "Content-Length 'x'" },
        new object[] { "HTTP/1.1 200 OK\r\nbroken header\r\n\r\n", typeof(HttpRequestException), "malformed header line" },
        new object[] { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", typeof(HttpRequestException), "malformed chunk size" },
        new object[] { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", typeof(IOException), "in the middle of the chunked body" },
        new object[] { "HTTP/1.1 200 OK\r\nContent-", typeof(HttpRequestException), "in the middle of the answer's headers" },
    ];

    [TestCaseSource(nameof(BrokenAnswers))]
    public async Task BrokenAnswer_IsAnError(string answer, Type error, string says)
    {
        await using var server = RawHttpServer.Start(answer);
        using var raw = RawBurstSender.For(Options(server.BaseUrl), new SentRequest("GET", server.BaseUrl, [], null))!;
        await using var lane = raw.OpenLane();

        var thrown = Assert.CatchAsync(async () => await lane.SendAsync(_ => true, new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token));

        Assert.That(thrown, Is.InstanceOf(error));
        Assert.That(thrown!.Message, Does.Contain(says));
    }

    [Test]
    public async Task Tls_IsCheckedAsEveryRequestIs_InsecureAcceptsAnyCertificate()
    {
        using var certificate = TestApi.SelfSignedCertificate();
        await using var api = await TlsPingAsync(certificate);
        var url = new Uri(api.BaseUrl, "/ping");
        var sent = new SentRequest("GET", url, [], null);

        var refused = Assert.ThrowsAsync<HttpRequestException>(async () => await RawBurstSender.For(Options(url), sent)!.OpenLane().SendAsync(_ => true, default));
        var accepted = await RawBurstSender.For(Options(url, insecure: true), sent)!.OpenLane().SendAsync(_ => true, default);

        Assert.That(refused!.Message, Does.Contain("cannot connect to 127.0.0.1:"));
        Assert.That(accepted.BodyText, Is.EqualTo("pong"));
    }

    // Plain HTTP bursts run on one polling thread (RawBurstLoop): the same framing, errors and samples as a lane.

    [Test]
    public async Task Loop_KeepsItsConnectionsAlive_AndSendsWhatTheHandlerSends()
    {
        var request = new SentRequest("POST", new Uri(_api.BaseUrl, "/echo?q=a%20b"), [new("Accept", "application/json"), new("X-Api-Key", "k1")], Encoding.UTF8.GetBytes("{\"name\":\"Ä\"}"), "application/json; charset=utf-8");
        using var transport = new SocketTransport(Options(_api.BaseUrl));
        Seen.Clear();
        await transport.SendAsync(request, default);
        var expected = Seen.Single();
        Seen.Clear();
        Connections.Clear();

        var (result, _) = await BurstAsync(request, 200, 4);

        Assert.That(result.Statuses, Is.EqualTo(new Dictionary<int, int> { [200] = 200 }));
        Assert.That(Seen.Distinct(), Is.EqualTo(new[] { expected }), "method, target, every header and the body bytes, each time");
        Assert.That(Connections.Count, Is.LessThanOrEqualTo(4), "two hundred requests on four kept-alive connections");
    }

    [TestCaseSource(nameof(Framings))]
    public async Task Loop_ReadsHandWrittenAnswers_OnAServerThatClosesEveryConnection(string answer, string body)
    {
        // The raw server closes each connection after its answer, whatever the answer said: each request after the
        // first on a connection meets a closed one and is sent once more on a new one.
        await using var server = RawHttpServer.Start(answer);

        var (result, samples) = await BurstAsync(new SentRequest("GET", server.BaseUrl, [], null), 10, 3);

        Assert.That(result.Statuses, Is.EqualTo(new Dictionary<int, int> { [200] = 10 }));
        Assert.That(result.Errors, Is.Zero, string.Join("; ", result.ErrorSamples));
        Assert.That(server.Requests, Is.EqualTo(10));
        Assert.That(samples.Single().Response!.BodyText, Is.EqualTo(body));
    }

    [TestCaseSource(nameof(BrokenAnswers))]
    public async Task Loop_BrokenAnswer_IsAnErrorOfItsRequest_AndTheBurstGoesOn(string answer, Type error, string says)
    {
        // A burst records what each request met as text: the error's message, not its type.
        _ = error;
        await using var server = RawHttpServer.Start(answer);

        var (result, samples) = await BurstAsync(new SentRequest("GET", server.BaseUrl, [], null), 8, 2);

        Assert.That(result.Sent, Is.EqualTo(8));
        Assert.That(result.Errors, Is.EqualTo(8));
        Assert.That(result.ErrorSamples, Has.Some.Contains(says));
        Assert.That(samples, Is.Empty);
    }

    [Test]
    public async Task Loop_NoServer_EveryRequestSaysItCannotConnect()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var url = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}/");
        listener.Stop();

        var (result, _) = await BurstAsync(new SentRequest("GET", url, [], null), 5, 2);

        Assert.That(result.Sent, Is.EqualTo(5));
        Assert.That(result.Errors, Is.EqualTo(5));
        Assert.That(result.ErrorSamples.Single(), Does.StartWith($"cannot connect to 127.0.0.1:{url.Port}:"));
    }

    [Test]
    public async Task Loop_Localhost_ReachesAServerListeningOnIPv4Only()
    {
        // localhost may resolve to ::1 first: a refused address gives way to the next one.
        await using var server = RawHttpServer.Start("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        var url = new Uri($"http://localhost:{server.BaseUrl.Port}/");

        var (result, _) = await BurstAsync(new SentRequest("GET", url, [], null), 6, 2);

        Assert.That(result.Statuses, Is.EqualTo(new Dictionary<int, int> { [200] = 6 }), string.Join("; ", result.ErrorSamples));
    }

    [Test]
    public async Task Loop_ServerThatNeverAnswers_IsStoppedByCtrlC()
    {
        await using var server = RawHttpServer.Start(async (_, _, _, token) => await Task.Delay(Timeout.Infinite, token));
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var thrown = Assert.CatchAsync<OperationCanceledException>(async () => await BurstAsync(new SentRequest("GET", server.BaseUrl, [], null), 4, 2, stop.Token));

        Assert.That(thrown, Is.Not.Null);
        Assert.That(server.Requests, Is.EqualTo(2), "one request on each connection, waiting");
    }

    [Test]
    public async Task TlsBurst_RunsAWorkerPerConnection()
    {
        using var certificate = TestApi.SelfSignedCertificate();
        await using var api = await TlsPingAsync(certificate);
        var url = new Uri(api.BaseUrl, "/ping");
        var sent = new SentRequest("GET", url, [], null);

        var (result, samples) = await BurstAsync(sent, 20, 3, options: Options(url, insecure: true));

        Assert.That(result.Statuses, Is.EqualTo(new Dictionary<int, int> { [200] = 20 }));
        Assert.That(samples.Single().Response!.BodyText, Is.EqualTo("pong"));
    }

    [Test]
    public void HeaderWithALineBreak_IsLeftToTheHandler()
    {
        var request = new SentRequest("GET", new Uri(_api.BaseUrl, "/echo"), [new("X-Note", "a\r\nInjected: yes")], null);

        Assert.That(RawBurstSender.For(Options(_api.BaseUrl), request), Is.Null);
        Assert.That(new SocketTransport(Options(_api.BaseUrl)).CreateBurst(request, 1), Is.InstanceOf<MessageBurstSender>());
    }

    // An https server with a self-signed certificate answering GET /ping with "pong".
    private static Task<TestApi> TlsPingAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        TestApi.StartAsync(app => app.MapGet("/ping", () => Results.Text("pong")), certificate);

    private static async Task<(BurstResult Result, IReadOnlyList<Exchange> Samples)> BurstAsync(SentRequest request, int requests, int concurrency, CancellationToken cancellationToken = default, ExecutorOptions? options = null)
    {
        var path = request.Url.AbsolutePath;
        var planned = new PlannedRequest(request.Method, path, new Dictionary<string, PathValue>(), [], [], null, null);
        var probe = new Probe("burst", new ApiOperation(request.Method, path, new OpenApiOperation(), [], []), [planned], null) { Burst = new BurstSettings(requests, TimeSpan.FromSeconds(5), concurrency, 429) };
        using var transport = new SocketTransport(options ?? Options(new Uri(request.Url.GetLeftPart(UriPartial.Authority))));
        return await new BurstRunner(transport).RunAsync(probe, request, planned, cancellationToken);
    }

    private static IEnumerable<string> Names(ReceivedResponse response) => response.Headers.Select(h => h.Key.ToLowerInvariant()).Distinct();
}
