using System.Diagnostics;
using System.IO.Compression;
using System.Net.Sockets;
using System.Text;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Tests.Checks;
using ContractCheck.Tests;

namespace ContractCheck.Core.Tests.Execution;

/// <summary>
/// A misbehaving server per fault, on a real socket. GET /items misbehaves, GET /items/{id} answers
/// well: the run ends within its bounds, the fault is an error that says what was seen, and the
/// other probe still runs.
/// </summary>
public class TargetFaultTests
{
    private static readonly string HappyOnly = ProbesOff.AllBut("happy-path", "burst");
    private const string Good = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";

    private static async Task<(RunReport Report, TimeSpan Took)> RunAsync(Func<NetworkStream, TcpClient, CancellationToken, Task> fault, TimeSpan? timeout = null, int maxBody = 10 * 1024 * 1024)
    {
        await using var server = RawHttpServer.Start(async (line, stream, client, token) =>
        {
            if (line.StartsWith("GET /items ", StringComparison.Ordinal))
            {
                await fault(stream, client, token);
            }
            else
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(Good), token);
            }
        });
        var settings = new RunSettings
        {
            Spec = "items.yaml",
            SpecText = ItemsApi.Spec,
            Rules = "rules.yaml",
            RulesText = HappyOnly + "operations:\n  getItem:\n    params: {id: 5}\n",
            BaseUrl = server.BaseUrl,
            Plan = PlanOptions.Default with { Include = [OperationSelector.Parse("listItems"), OperationSelector.Parse("getItem")] },
            Executor = new ExecutorOptions(server.BaseUrl) { RequestTimeout = timeout ?? TimeSpan.FromSeconds(2), MaxBodyBytes = maxBody },
        };
        var clock = Stopwatch.StartNew();
        var report = await ContractRun.Prepare(settings).ExecuteAsync(new CompositeReporter());
        return (report, clock.Elapsed);
    }

    private static string ErrorOf(RunReport report)
    {
        var error = report.Results.Single(r => r.Probe.Operation.Key == "GET /items" && r.Finding.Outcome == Outcome.Error);
        Assert.That(report.Results.Any(r => r.Probe.Operation.Key == "GET /items/{id}" && r.Finding.Check == "status-documented" && r.Finding.Outcome == Outcome.Passed), Is.True, "the other probe still ran and got its answer");
        Assert.That(report.Success, Is.False, "an error fails the run");
        return error.Finding.Message;
    }

    private static Task Write(NetworkStream stream, string text, CancellationToken token) => stream.WriteAsync(Encoding.ASCII.GetBytes(text), token).AsTask();

    [Test]
    public async Task ResetMidResponse_IsAnError()
    {
        var (report, _) = await RunAsync(async (stream, client, token) =>
        {
            await Write(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n[{\"id\":", token);
            await stream.FlushAsync(token);
            client.Client.LingerState = new LingerOption(true, 0);
            client.Client.Close();
        });

        Assert.That(ErrorOf(report), Does.Contain("connection").IgnoreCase.Or.Contain("ended prematurely"));
    }

    [Test]
    public async Task NeverAnswers_TimesOutWithinTheRequestTimeout()
    {
        var (report, took) = await RunAsync((_, _, token) => Task.Delay(Timeout.Infinite, token), TimeSpan.FromMilliseconds(500));

        Assert.That(ErrorOf(report), Is.EqualTo("no complete answer within 0.5 s (--timeout)"));
        Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public async Task TricklingBody_TheTimeoutCoversTheWholeExchange()
    {
        var (report, _) = await RunAsync(async (stream, _, token) =>
        {
            await Write(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n", token);
            for (var i = 0; i < 100; i++)
            {
                await Write(stream, " ", token);
                await stream.FlushAsync(token);
                await Task.Delay(1000, token);
            }
        }, TimeSpan.FromSeconds(1.5));

        Assert.That(ErrorOf(report), Is.EqualTo("the answer's headers came but its body did not end within 1.5 s (--timeout)"));
    }

    [Test]
    public async Task StreamThatStaysOpen_IsJudgedOnWhatCame_AndDoesNotStopTheRun()
    {
        // A watch: 200, chunked, one whole message, then the stream stays open (etcd's POST /v3/watch does this).
        var (report, took) = await RunAsync(async (stream, _, token) =>
        {
            await Write(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n[]\r\n", token);
            await stream.FlushAsync(token);
            await Task.Delay(TimeSpan.FromSeconds(30), token);
        }, TimeSpan.FromSeconds(1));

        var list = report.Results.Where(r => r.Probe.Operation.Key == "GET /items").ToList();
        Assert.That(list.Where(r => r.Finding.Outcome is Outcome.Error or Outcome.Failed).Select(r => r.Finding.Check + ": " + r.Finding.Message), Is.Empty);
        Assert.That(list.Single(r => r.Finding.Check == "expected-status").Exchange!.Response!.Unfinished, Is.True);
        Assert.That(report.Stopped, Is.Null);
        Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public async Task EndlessBody_IsReadUpToTheCapAndReported()
    {
        var (report, _) = await RunAsync(async (stream, _, token) =>
        {
            await Write(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[", token);
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1,", 32 * 1024)));
            while (!token.IsCancellationRequested)
            {
                await stream.WriteAsync(chunk, token);
            }
        }, maxBody: 1024 * 1024);

        Assert.That(ErrorOf(report), Does.StartWith("the body did not end within the 1 MB read cap"));
    }

    [Test]
    public async Task NotHttpAtAll_IsAnError()
    {
        var (report, _) = await RunAsync((stream, _, token) => Write(stream, "SSH-2.0-OpenSSH_9.2\r\n", token));

        Assert.That(ErrorOf(report), Does.Contain("invalid").IgnoreCase.Or.Contain("ended prematurely"));
    }

    [Test]
    public async Task MalformedHeaders_AreAnError()
    {
        var (report, _) = await RunAsync((stream, _, token) => Write(stream, "HTTP/1.1 200 OK\r\nThis is not a header\r\nContent-Length: 2\r\n\r\n{}", token));

        Assert.That(ErrorOf(report), Does.Contain("header").IgnoreCase.Or.Contain("invalid").IgnoreCase);
    }

    [Test]
    public async Task ContentLengthLongerThanTheBody_IsAnError()
    {
        var (report, _) = await RunAsync((stream, _, token) => Write(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n[]", token));

        Assert.That(ErrorOf(report), Does.Contain("ended prematurely").Or.Contain("connection").IgnoreCase);
    }

    [Test]
    public async Task GzipThatIsNotGzip_IsAnErrorSayingSo()
    {
        var (report, _) = await RunAsync((stream, _, token) => Write(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]", token));

        Assert.That(ErrorOf(report), Does.StartWith("the body says Content-Encoding: gzip but is not valid gzip data"));
    }

    [Test]
    public async Task RealGzip_IsDecodedForTheChecks()
    {
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync("[{\"a\":1}]"u8.ToArray());
        }

        var (report, _) = await RunAsync(async (stream, _, token) =>
        {
            await Write(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: {compressed.Length}\r\nConnection: close\r\n\r\n", token);
            await stream.WriteAsync(compressed.ToArray(), token);
        });

        Assert.That(report.Results.Where(r => r.Probe.Operation.Key == "GET /items").Select(r => r.Finding.Outcome), Has.None.EqualTo(Outcome.Error));
        Assert.That(report.Outcomes.First(o => o.Probe.Operation.Key == "GET /items").Exchanges[0].Response!.BodyText, Is.EqualTo("[{\"a\":1}]"));
    }

    [Test]
    public async Task RedirectLoop_IsReportedNotFollowed()
    {
        var requests = 0;
        var (report, _) = await RunAsync(async (stream, _, token) =>
        {
            Interlocked.Increment(ref requests);
            await Write(stream, "HTTP/1.1 302 Found\r\nLocation: /items\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", token);
        });

        Assert.That(requests, Is.EqualTo(1), "one request, no following");
        Assert.That(report.Results.Single(r => r.Probe.Operation.Key == "GET /items" && r.Finding.Check == "status-documented").Finding.Message, Is.EqualTo("302 is not among the documented responses"));
    }
}
