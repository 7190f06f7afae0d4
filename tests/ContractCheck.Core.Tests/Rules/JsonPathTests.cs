using ContractCheck.Core.Rules;

namespace ContractCheck.Core.Tests.Rules;

/// <summary>The rules' JSON path subset: a single member named with or without the leading $. (operations.&lt;op&gt;.id: id).</summary>
public class JsonPathTests
{
    [TestCase("$.isbn", "isbn")]
    [TestCase("isbn", "isbn")]
    [TestCase("$['odd key']", "odd key")]
    [TestCase("$.data.id", null)]
    [TestCase("$.items[0]", null)]
    [TestCase("$[0]", null)]
    [TestCase("$", null)]
    [TestCase("not a path!", null)]
    public void SingleMember_IsTheOneNameStep(string path, string? member)
    {
        Assert.That(JsonPath.SingleMember(path), Is.EqualTo(member));
    }
}
