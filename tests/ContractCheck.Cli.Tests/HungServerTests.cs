using System.Diagnostics;
using System.Xml.Linq;
using System.Xml.Schema;
using ContractCheck.Tests;

namespace ContractCheck.Cli.Tests;

/// <summary>A target that accepts connections and never answers: the contractcheck process ends by itself, within its bounds, and says why.</summary>
public class HungServerTests
{
    private const double TimeoutSeconds = 2;

    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("cc-hung-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, true);

    [Test]
    public async Task Run_ServerThatNeverAnswers_ExitsThreeWithinItsBoundsAndWritesTheJUnit()
    {
        var xsd = SharedData.Require("junit/junit-10.xsd");
        await using var hung = RawHttpServer.Start((_, _, _, token) => Task.Delay(Timeout.Infinite, token));
        var junit = Path.Combine(_dir, "results.xml");

        // The Todo API's plan: about 200 requests, minutes of timeouts if each one were waited out. Its identities are left
        // out: a login that gets no answer ends the run before any probe (TokenTests).
        var rules = Path.Combine(_dir, "contractcheck.yaml");
        File.WriteAllText(rules, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Repository.Path("examples", "TodoApi", "contractcheck.yaml")), @"(?ms)^identities:.*?(?=^\S)", ""));
        var clock = Stopwatch.StartNew();
        var (exit, stdout, stderr) = await ChildProcess.ContractCheckAsync(TimeSpan.FromSeconds(90), "run", "--spec", Repository.Path("examples", "TodoApi", "openapi.yaml"),
            "--rules", rules, "--base-url", hung.BaseUrl.ToString(), "--timeout", TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--junit", junit);
        var took = clock.Elapsed;

        Assert.That(exit, Is.EqualTo(3), stdout + stderr);
        Assert.That(hung.Requests, Is.GreaterThanOrEqualTo(3), "the requests were sent and went unanswered");
        // Three missed answers in a row stop the run; with the lanes side by side that is at most (3 + 1) timeouts, plus the process start.
        Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(((3 + 1) * TimeoutSeconds) + 20)), stdout);
        const string reason = "the API stopped answering (3 requests in a row got no answer: no complete answer within 2 s (--timeout)";
        Assert.That(stdout, Does.Contain("Stopped early: " + reason));
        Assert.That(stderr, Does.StartWith("error: " + reason));

        var document = XDocument.Load(junit);
        var schemas = new XmlSchemaSet();
        schemas.Add(null, xsd);
        var errors = new List<string>();
        document.Validate(schemas, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        Assert.That(errors, Is.Empty, "the JUnit is valid against Jenkins' schema");
        Assert.That(document.Descendants("testcase").Count(), Is.GreaterThan(0), "it holds what the run saw");
        Assert.That(document.Descendants("error").Select(e => e.Attribute("message")?.Value), Has.Some.Contains("no complete answer within 2 s"));
    }
}
