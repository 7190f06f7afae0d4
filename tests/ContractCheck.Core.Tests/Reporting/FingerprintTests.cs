using ContractCheck.Core.Checks;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Tests.Reporting;

/// <summary>A finding's fingerprint names the defect, not the run: seeds, values, timings and response text leave it alone.</summary>
public class FingerprintTests
{
    private static readonly ApiOperation Create = new("POST", "/items", new OpenApiOperation(), [], []);

    private static CheckResult Result(string body, string actual, string source, string? expected = "header Location", string probe = "bad-json", TimeSpan? took = null)
    {
        var planned = new PlannedRequest("POST", "/items", new Dictionary<string, PathValue>(), [], [], System.Text.Encoding.UTF8.GetBytes(body), "application/json");
        var sent = new SentRequest("POST", new Uri("http://127.0.0.1:1/items"), [], planned.Body, "application/json");
        var exchange = new Exchange(new Probe(probe, Create, [planned], null), planned, sent, null, null, took ?? TimeSpan.FromMilliseconds(3));
        return new CheckResult(exchange.Probe, exchange, Finding.Fail("required-headers", "Missing or malformed required header", $"201: header Location is missing ({actual})", expected, actual, source));
    }

    [Test]
    public void Fingerprint_OtherValuesTimesAndPositions_IsTheSame()
    {
        var first = Fingerprint.Of(Result("{\"name\":\"widget 1a2b\"}", "no such header", "builtin:http:5:5 (201 row)"));
        var second = Fingerprint.Of(Result("{\"name\":\"widget 9z8y\"}", "nothing at all", "builtin:http:9:3 (201 row)", took: TimeSpan.FromSeconds(2)));

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first, Does.Match("^[0-9a-f]{16}$"));
    }

    [TestCase("builtin:http:5:5 (201 row)", "header ETag", "bad-json")]
    [TestCase("builtin:http:5:5 (2xx row)", "header Location", "bad-json")]
    [TestCase("builtin:http:5:5 (201 row)", "header Location", HappyPathProbe.KindId)]
    public void Fingerprint_OtherRowOrProbe_Differs(string source, string expected, string probe)
    {
        var reference = Fingerprint.Of(Result("{}", "no such header", "builtin:http:5:5 (201 row)"));

        Assert.That(Fingerprint.Of(Result("{}", "no such header", source, expected, probe)), Is.Not.EqualTo(reference));
    }

    [Test]
    public void Baseline_WrittenThenRead_IsSortedOnePerLineAndTheSame()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cc-baseline-{Guid.NewGuid():N}.json");
        try
        {
            BaselineEntry[] entries = [new("bbbb", "POST /items", "bad-json", null, "expected-status", "Unexpected status code"), new("aaaa", "GET /items", "happy-path", "read", "no-leak", "Internal details leaked \"in\" an error")];

            Assert.That(Baseline.Write(path, entries.Concat(entries)), Is.EqualTo(2));
            var lines = File.ReadAllLines(path);
            var read = Baseline.Load(path);

            Assert.That(read.Entries, Is.EqualTo(entries.Reverse()));
            Assert.That(lines.Count(l => l.Contains("\"fingerprint\"", StringComparison.Ordinal)), Is.EqualTo(2));
            Assert.That(read.Contains("aaaa") && read.Contains("bbbb") && !read.Contains("cccc"), Is.True);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("{\"findings\": [{\"probe\": \"x\"}]}", "finding 1 has no 'fingerprint'", "")]
    [TestCase("{\"findings\": [", "not valid JSON", ":1:")]
    [TestCase("[]", "the top level must be an object with a 'findings' list", "")]
    public void Baseline_Malformed_IsOneLocatedErrorWithTheFix(string text, string problem, string position)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cc-baseline-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        try
        {
            var error = Assert.Throws<ContractCheckException>(() => Baseline.Load(path))!;

            Assert.That(error.Describe(), Does.StartWith(path + position).And.Contain(problem).And.Contain("fix: "));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Compare_SortsTheBaselineIntoKnownFixedAndNotChecked()
    {
        ReportedFinding Found(string fingerprint) => new(fingerprint, 0, Create, "bad-json", "bad-json", null, "expected-status", Outcome.Failed, "t", "m", null, null, null, null, null, 500);
        var baseline = new Baseline("b.json", [new("known", "POST /items", "bad-json", null, "expected-status", "t"), new("gone", "POST /items", "bad-json", null, "no-leak", "t"), new("elsewhere", "GET /x", "happy-path", null, "no-leak", "t")]);
        var passed = Fingerprint.Key("POST /items", "bad-json", null, "no-leak");

        var (comparison, findings) = BaselineComparison.Compare(baseline, [Found("known"), Found("brand-new")], key => key == passed);

        Assert.That(findings.Select(f => (f.Fingerprint, f.Baseline)), Is.EqualTo(new[] { ("known", BaselineState.Known), ("brand-new", BaselineState.New) }));
        Assert.That((comparison.New, comparison.Known), Is.EqualTo((1, 1)));
        Assert.That(comparison.Fixed.Select(e => e.Fingerprint), Is.EqualTo(new[] { "gone" }), "its check passed where it was found");
        Assert.That(comparison.NotChecked.Select(e => e.Fingerprint), Is.EqualTo(new[] { "elsewhere" }), "this run did not judge it");
        Assert.That(BaselineComparison.Updated(findings, comparison).Select(e => e.Fingerprint), Is.EquivalentTo(new[] { "known", "brand-new", "elsewhere" }));
    }
}
