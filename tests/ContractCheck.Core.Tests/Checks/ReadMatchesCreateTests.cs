using System.Text.Json.Nodes;
using ContractCheck.Core.Checks;

namespace ContractCheck.Core.Tests.Checks;

/// <summary>read-matches-create compares only what the create sent, at every depth (cause 5 of the precision issue).</summary>
public class ReadMatchesCreateTests
{
    private static List<string> Differences(string sent, string read)
    {
        var differences = new List<string>();
        ReadMatchesCreate.Compare(JsonNode.Parse(sent), JsonNode.Parse(read), "", differences);
        return differences;
    }

    [Test]
    public void MembersTheServerAddsInsideNestedObjects_AreNoDifference()
    {
        var sent = """{"title":"a","author":{"name":"Ann","address":{"city":"Oslo"}},"tags":[{"k":"x"}]}""";
        var read = """{"id":7,"title":"a","author":{"name":"Ann","version":3,"address":{"city":"Oslo","_links":{"self":"/a/1"}}},"tags":[{"k":"x","id":1}]}""";

        Assert.That(Differences(sent, read), Is.Empty);
    }

    [Test]
    public void ANestedValueThatChanged_IsNamedByItsPath()
    {
        var differences = Differences("""{"author":{"address":{"city":"Oslo"}},"tags":["x","y"]}""", """{"author":{"address":{"city":"Bergen"}},"tags":["x","z"]}""");

        Assert.That(differences, Is.EqualTo(new[] { "'author.address.city' is \"Bergen\" but was created as \"Oslo\"", "'tags[1]' is \"z\" but was created as \"y\"" }));
    }

    [Test]
    public void AnArrayOfAnotherLength_IsADifference()
    {
        Assert.That(Differences("""{"tags":["x","y"]}""", """{"tags":["x"]}"""), Has.Count.EqualTo(1));
    }

    [Test]
    public void DateTimesNamingTheSameInstant_AreEqual_OtherInstantsAreNot()
    {
        Assert.That(Differences("""{"due":"2026-01-02T03:04:05Z"}""", """{"due":"2026-01-02T04:04:05.000+01:00"}"""), Is.Empty);
        Assert.That(Differences("""{"due":"2026-01-02T03:04:05Z"}""", """{"due":"2026-01-02T03:04:06Z"}"""), Has.Count.EqualTo(1));
    }

    [Test]
    public void AMemberTheReadLeavesOut_IsNoDifference_NumbersCompareByValue()
    {
        Assert.That(Differences("""{"password":"p","count":1}""", """{"count":1.0}"""), Is.Empty);
    }
}
