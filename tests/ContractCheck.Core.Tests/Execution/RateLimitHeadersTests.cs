using ContractCheck.Core.Execution;

namespace ContractCheck.Core.Tests.Execution;

/// <summary>
/// The one reader of rate-limit fields, on each revision of the IETF draft and on X-RateLimit-*: what it reads, and what
/// it calls malformed. Earlier revisions are read, not refused.
/// </summary>
public class RateLimitHeadersTests
{
    private static ReceivedResponse Response(params string[] headers) =>
        new(200, "OK", "1.1", headers.Select(h => h.Split(": ", 2)).Select(h => new KeyValuePair<string, string>(h[0], h[1])).ToList(), [], false);

    [Test]
    public void Current_PolicyAndServiceLimit_AreReadByName()
    {
        var fields = RateLimitHeaders.Read(Response("RateLimit-Policy: \"default\";q=100;w=10", "RateLimit: \"default\";r=50;t=30"));

        Assert.That(fields.Problems, Is.Empty);
        Assert.That(fields.Quotas.Single(), Is.EqualTo(new RateLimitQuota(RateLimitForm.Current, "default", 100, 50, 30, "RateLimit, RateLimit-Policy")));
        Assert.That(RateLimitHeaders.Remaining(Response("RateLimit: \"default\";r=50;t=30")), Is.EqualTo(50));
        Assert.That(RateLimitHeaders.Limit(Response("RateLimit-Policy: \"default\";q=100;w=10", "RateLimit: \"default\";r=50;t=30")), Is.EqualTo(100));
    }

    // Each revision of the draft, as APIs send it today: read, and not a syntax error.
    [TestCase("RateLimit-Limit: 100", "RateLimit-Remaining: 50", "RateLimit-Reset: 7")]
    [TestCase("RateLimit-Limit: 10, 10;w=1, 50;w=60", "RateLimit-Remaining: 5", "RateLimit-Reset: 1")]
    [TestCase("RateLimit-Policy: 100;w=10", "RateLimit-Limit: 100", "RateLimit-Remaining: 50")]
    [TestCase("RateLimit-Policy: 10;w=1;burst=1000, 1000;w=3600", "RateLimit: limit=100, remaining=50, reset=5", "X-RateLimit-Remaining: 50")]
    [TestCase("RateLimit-Policy: \"permin\";q=50;w=60,\"perhr\";q=1000;w=3600", "RateLimit: \"permin\";r=20;t=30, \"perhr\";r=900;t=3000", "X-RateLimit-Limit: 1000")]
    [TestCase("RateLimit-Policy: default;q=100; w=60; pk=:cHsdsRa894==:", "RateLimit: default; r=99; t=60", "RateLimit-Policy: \"bytes\";q=65535;qu=\"content-bytes\"")]
    public void EveryRevision_IsReadWithoutProblems(string a, string b, string c)
    {
        var fields = RateLimitHeaders.Read(Response(a, b, c));

        Assert.That(fields.Problems, Is.Empty);
        Assert.That(fields.HasDraftFields, Is.True);
        Assert.That(fields.Quotas.Any(q => q.Remaining is not null || q.Limit is not null), Is.True);
    }

    [TestCase("RateLimit: 50", "syntax of no revision")]
    [TestCase("RateLimit: \"default\";t=30", "needs r")]
    [TestCase("RateLimit: \"default\";r=-1", "needs r")]
    [TestCase("RateLimit: \"default\";r=5;t=soon", "t, the seconds")]
    [TestCase("RateLimit: limit=100, remaining=many, reset=5", "remaining must be a non-negative Integer")]
    [TestCase("RateLimit-Policy: \"default\";w=10", "needs q")]
    [TestCase("RateLimit-Policy: \"default\";q=100;w=0", "w, its window")]
    [TestCase("RateLimit-Policy: \"default\";q=100;pk=abc", "pk, its partition key")]
    [TestCase("RateLimit-Policy: q=100, w=10", "RateLimit-Policy:")]
    [TestCase("RateLimit-Remaining: 1.5", "not a non-negative Integer")]
    [TestCase("RateLimit-Reset: Wed, 21 Oct 2015 07:28:00 GMT", "not a non-negative Integer")]
    public void Malformed_IsAProblemNamingTheField(string header, string says)
    {
        var fields = RateLimitHeaders.Read(Response(header));

        Assert.That(fields.Problems, Has.Some.Contains(says));
    }

    [Test]
    public void XRateLimitAlone_IsNoDraftField_AndIsReadAsBefore()
    {
        var response = Response("X-RateLimit-Limit: 60", "X-RateLimit-Remaining: 0", "X-RateLimit-Reset: 12");

        Assert.That(RateLimitHeaders.Read(response).HasDraftFields, Is.False);
        Assert.That(RateLimitHeaders.Limit(response), Is.EqualTo(60));
        Assert.That(RateLimitHeaders.Reset(response, DateTimeOffset.UnixEpoch), Is.EqualTo(TimeSpan.FromSeconds(12)));
    }
}
