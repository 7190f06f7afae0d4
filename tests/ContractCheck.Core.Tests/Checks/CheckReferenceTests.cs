using ContractCheck.Core.Checks;

namespace ContractCheck.Core.Tests.Checks;

/// <summary>Every built-in check names where its claim comes from (SARIF's helpUri, the reports' links), but the two that judge the rules file's own rows and its conventions.maxResponseMs.</summary>
public class CheckReferenceTests
{
    [Test]
    public void EveryBuiltInCheck_HasItsSource()
    {
        var without = BuiltInChecks.All.Where(c => c.Reference is null).Select(c => c.Id);

        Assert.That(without, Is.EquivalentTo(new[] { "response-rules", "response-time" }));
        Assert.That(BuiltInChecks.All.Select(c => c.Reference).OfType<string>(), Has.All.StartWith("https://"));
    }
}
