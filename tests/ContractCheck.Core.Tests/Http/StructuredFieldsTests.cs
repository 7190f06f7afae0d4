using ContractCheck.Core.Http;

namespace ContractCheck.Core.Tests.Http;

/// <summary>The Structured Field parser (RFC 9651) on the examples of the RFC and of the RateLimit and Deprecation fields.</summary>
public class StructuredFieldsTests
{
    [Test]
    public void List_OfNamedItemsWithParameters_IsRead()
    {
        var list = StructuredFields.List("\"permin\";q=50;w=60, \"perhr\";q=1000;w=3600;pk=:cHsdsRa894==:");

        Assert.That(list.Ok, Is.True, list.Error);
        Assert.That(list.Value!.Select(m => m.Value.Text), Is.EqualTo(new[] { "permin", "perhr" }));
        Assert.That(list.Value![1].Parameter("q")!.Integer, Is.EqualTo(1000));
        Assert.That(list.Value![1].Parameter("pk")!.Kind, Is.EqualTo(SfKind.ByteSequence));
        Assert.That(list.Value![0].ToString(), Is.EqualTo("\"permin\";q=50;w=60"));
    }

    [Test]
    public void Dictionary_WithBareKeysAndInnerLists_IsRead()
    {
        var dictionary = StructuredFields.Dictionary("limit=100, remaining=50, reset=5, flag, list=(1 2);x");

        Assert.That(dictionary.Ok, Is.True, dictionary.Error);
        Assert.That(dictionary.Value!.Select(e => e.Key), Is.EqualTo(new[] { "limit", "remaining", "reset", "flag", "list" }));
        Assert.That(dictionary.Value![3].Value.Value.Value, Is.EqualTo(true));
        Assert.That(dictionary.Value![4].Value.Value.Kind, Is.EqualTo(SfKind.InnerList));
    }

    [TestCase("@1688169599", SfKind.Date)]
    [TestCase("-42", SfKind.Integer)]
    [TestCase("4.5", SfKind.Decimal)]
    [TestCase("?1", SfKind.Boolean)]
    [TestCase("foo/bar:baz", SfKind.Token)]
    [TestCase("%\"f%c3%bc\"", SfKind.DisplayString)]
    [TestCase("\"a \\\"quoted\\\" word\"", SfKind.String)]
    public void Item_OfEachType_IsRead(string text, SfKind kind)
    {
        var item = StructuredFields.Item(text);

        Assert.That(item.Ok, Is.True, item.Error);
        Assert.That(item.Value!.Value.Kind, Is.EqualTo(kind));
    }

    [TestCase("1, 2,", "trailing")]
    [TestCase("limit=100", "expected ','")]
    [TestCase("\"open", "closing")]
    [TestCase("1234567890123456", "more than 15 digits")]
    [TestCase("1.2345", "3 fraction digits")]
    [TestCase("@1.5", "date")]
    [TestCase("Default;Q=1", "key")]
    [TestCase(":not base64!:", "base64")]
    [TestCase("a b", "expected ','")]
    public void Malformed_IsAnErrorSayingWhere(string text, string says)
    {
        var item = StructuredFields.List(text);

        Assert.That(item.Ok, Is.False);
        Assert.That(item.Error, Does.Contain(says).And.Contain("at character"));
    }
}
