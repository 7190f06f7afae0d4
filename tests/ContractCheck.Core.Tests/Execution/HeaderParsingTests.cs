using ContractCheck.Core.Execution;

namespace ContractCheck.Core.Tests.Execution;

/// <summary>The Link (RFC 8288), ETag (RFC 9110 §8.8.3) and HTTP-date (§5.6.7) values the probes read, as servers write them.</summary>
public class HeaderParsingTests
{
    private static ReceivedResponse With(params string[] links) => new(200, "OK", "1.1", [.. links.Select(l => new KeyValuePair<string, string>("Link", l))], [], false);

    private static readonly Uri Page = new("http://127.0.0.1:5080/api/items?page=1");

    [Test]
    public void Links_SeveralInOneLineOrSeveralLines_RelativeTargetsResolved()
    {
        var response = With("</api/items?page=2&a=b,c>; rel=\"next\", <https://127.0.0.1:5080/api/items?page=9>; title=\"x; y, z\"; rel=last", "<?page=0>; REL=\"prev first\"");

        Assert.That(LinkHeader.Links(response, Page).Select(l => $"{l.Relation} {l.Target}"), Is.EqualTo(new[]
        {
            "next http://127.0.0.1:5080/api/items?page=2&a=b,c",
            "last https://127.0.0.1:5080/api/items?page=9",
            "prev http://127.0.0.1:5080/api/items?page=0",
            "first http://127.0.0.1:5080/api/items?page=0",
        }));
        Assert.That(LinkHeader.Target(With("<p3>; rel=previous"), Page, "prev")!.ToString(), Is.EqualTo("http://127.0.0.1:5080/api/p3"), "'previous' is the older name of 'prev'");
        Assert.That(LinkHeader.Target(With("broken; rel=next"), Page, "next"), Is.Null);
    }

    [TestCase("\"abc\"", "abc", false)]
    [TestCase("W/\"abc\"", "abc", true)]
    [TestCase(" abc ", "abc", false)]
    public void ETag_ParsedWithItsWeakness(string value, string opaque, bool weak)
    {
        Assert.That(EntityTag.Parse(value), Is.EqualTo(new EntityTag(opaque, weak)));
    }

    [Test]
    public void ETag_StrongComparisonNeedsTwoStrongTags_WeakComparisonOnlyTheSameOpaqueTag()
    {
        Assert.That(EntityTag.StrongMatch(EntityTag.Parse("\"1\""), EntityTag.Parse("\"1\"")), Is.True);
        Assert.That(EntityTag.StrongMatch(EntityTag.Parse("W/\"1\""), EntityTag.Parse("W/\"1\"")), Is.False);
        Assert.That(EntityTag.WeakMatch(EntityTag.Parse("W/\"1\""), EntityTag.Parse("\"1\"")), Is.True);
        Assert.That(EntityTag.WeakMatch(EntityTag.Parse("\"1\""), EntityTag.Parse("\"2\"")), Is.False);
        Assert.That(EntityTag.Parse(""), Is.Null);
    }

    // RFC 9110 §5.6.7's three forms of one instant; a recipient must accept all three.
    [TestCase("Sun, 06 Nov 1994 08:49:37 GMT")]
    [TestCase("Sunday, 06-Nov-94 08:49:37 GMT")]
    [TestCase("Sun Nov  6 08:49:37 1994")]
    public void HttpDate_EachFormOfRfc9110_IsTheSameInstant_OnlyTheFixdateIsWhatASenderWrites(string text)
    {
        Assert.That(HttpDate.Parse(text), Is.EqualTo(new DateTimeOffset(1994, 11, 6, 8, 49, 37, TimeSpan.Zero)));
        Assert.That(HttpDate.ParseFixdate(text) is not null, Is.EqualTo(text.Contains(", 06 Nov", StringComparison.Ordinal)));
    }

    [Test]
    public void RetryAfter_AnObsoleteDateIsWaitedFor_ButIsNotAValidRetryAfter()
    {
        var date = new KeyValuePair<string, string>("Date", "Sun, 06 Nov 1994 08:49:37 GMT");
        ReceivedResponse Limited(string retryAfter) => new(429, "Too Many Requests", "1.1", [date, new("Retry-After", retryAfter)], [], false);

        Assert.That(RateLimitHeaders.RetryAfter(Limited("Sunday, 06-Nov-94 08:49:47 GMT"), DateTimeOffset.UtcNow), Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(RateLimitHeaders.HasValidRetryAfter(Limited("Sunday, 06-Nov-94 08:49:47 GMT")), Is.False, "a sender writes IMF-fixdate only");
        Assert.That(RateLimitHeaders.HasValidRetryAfter(Limited("Sun, 06 Nov 1994 08:49:47 GMT")), Is.True);
        Assert.That(RateLimitHeaders.HasValidRetryAfter(Limited("10")), Is.True);
    }

    [TestCase("")]
    [TestCase("tomorrow")]
    [TestCase("1994-11-06")]
    [TestCase("Sun, 06 Nov 1994 08:49")]
    public void HttpDate_AnythingElse_IsNone(string text) => Assert.That(HttpDate.Parse(text), Is.Null);
}
