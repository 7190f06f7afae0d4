using System.Diagnostics;
using System.Xml.Linq;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TodoApi;

namespace ContractCheck.Cli.Tests;

/// <summary>The contractcheck process itself: signals, TLS, and every output stream searched for a secret.</summary>
public class ProcessTests
{
    private static readonly string TodoSpec = Repository.Path("examples", "TodoApi", "openapi.yaml");
    private static readonly string TodoRules = Repository.Path("examples", "TodoApi", "contractcheck.yaml");

    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("cc-proc-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, true);

    private static Process Start(params string[] args) => ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "contractcheck.dll"), .. args]);

    private static Task<(int Exit, string Out, string Err)> FinishAsync(Process process, TimeSpan bound) => ChildProcess.FinishAsync(process, bound);

    [TestCase("INT")]
    [TestCase("TERM")]
    public async Task Signal_StopsSendingCleansUpWritesPartialJUnitAndExits130(string signal)
    {
        var requests = 0;
        await using var todo = await TestApi.StartTodoAsync(before: app => app.Use(async (ctx, next) =>
        {
            // Slow enough that the run is still going when the signal comes.
            Interlocked.Increment(ref requests);
            await Task.Delay(150);
            await next(ctx);
        }));
        var junit = Path.Combine(_dir, "partial.xml");
        using var process = Start("run", "--spec", TodoSpec, "--rules", TodoRules, "--base-url", todo.BaseUrl.ToString(), "--junit", junit);
        // Up to a minute for the run to be sending: on a loaded machine the process's start and spec load alone can take
        // more than ten seconds, and a signal before the run has begun tests nothing.
        for (var i = 0; i < 1200 && Volatile.Read(ref requests) < 8 && !process.HasExited; i++)
        {
            await Task.Delay(50);
        }

        Assert.That(Volatile.Read(ref requests), Is.GreaterThanOrEqualTo(8), "the run was sending when the signal came");

        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }

        var (exit, stdout, stderr) = await FinishAsync(process, TimeSpan.FromSeconds(60));

        Assert.That(exit, Is.EqualTo(130), stdout + stderr);
        Assert.That(stderr, Does.Contain("cancelled"));
        Assert.That(stdout, Does.Contain("Cancelled: "));
        var cases = XDocument.Load(junit).Descendants("testcase").Count();
        Assert.That(cases, Is.GreaterThan(0), "the partial JUnit holds what was seen");
        Assert.That(todo.Todos, Is.Zero, "what the run created was deleted on the way out");
    }

    [Test]
    public async Task Tls_UntrustedCertificate_ExitsThreeSayingWhy_InsecureProceeds()
    {
        using var certificate = TestApi.SelfSignedCertificate();
        await using var api = await TestApi.StartAsync(app => app.MapGet("/health", () => Results.Json(new { status = "ok" })), certificate);
        var url = api.BaseUrl.ToString();

        var (exit, _, stderr) = await CliRunner.RunAsync("run", "--spec", TodoSpec, "--rules", TodoRules, "--base-url", url, "--include", "health");
        var (insecureExit, stdout, _) = await CliRunner.RunAsync("run", "--spec", TodoSpec, "--rules", TodoRules, "--base-url", url, "--include", "health", "--insecure");

        Assert.That(exit, Is.EqualTo(3));
        Assert.That(stderr, Does.Contain("cannot talk TLS to 127.0.0.1:").And.Contain("not signed by an authority this machine trusts"));
        Assert.That(stderr, Does.Contain("--insecure"));
        Assert.That(insecureExit, Is.EqualTo(1), "reachable with --insecure; the health answer lacks X-Request-Id, which the rules require");
        Assert.That(stdout, Does.Contain("GET /health (health)"));
    }
}
