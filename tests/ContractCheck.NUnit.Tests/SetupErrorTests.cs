using ContractCheck.NUnit.Tests.Support;

namespace ContractCheck.NUnit.Tests;

/// <summary>A suite that cannot be planned gives one failing case that says where and how to fix it; nothing is sent.</summary>
public class SetupErrorTests
{
    [Test]
    public void MissingSpec_OneFailingCaseNamingTheFile()
    {
        var results = CaseResult.All(ContractSuite.FromSpec("no-such-openapi.yaml").Against(new Uri("http://127.0.0.1:9/")));

        Assert.That(results, Has.Count.EqualTo(1));
        Assert.That(results[0].Name, Is.EqualTo("contract: no-such-openapi.yaml"));
        Assert.That(results[0].Outcome, Is.EqualTo(CaseResult.Failed));
        Assert.That(results[0].Message, Does.Contain(Path.Combine(AppContext.BaseDirectory, "no-such-openapi.yaml")), "relative paths are read from the test assembly's folder");
    }

    [Test]
    public void RulesWithAnUnknownKey_FailWithThePlaceAndTheFix()
    {
        var rules = Path.Combine(Directory.CreateTempSubdirectory("cc-nunit-").FullName, "contractcheck.yaml");
        File.WriteAllText(rules, "extends: [builtin:http]\nexpect-status: {}\n");

        var results = CaseResult.All(ContractSuite.FromSpec(TodoContract.Spec).WithRules(rules).Against(new Uri("http://127.0.0.1:9/")));

        Assert.That(results.Single().Message, Does.StartWith(rules + ":2:1: unknown key 'expect-status'").And.Contain("fix: did you mean 'expect'?"));
        Directory.Delete(Path.GetDirectoryName(rules)!, true);
    }

    [Test]
    public void NoTarget_FailsSayingHowToGiveOne()
    {
        var result = CaseResult.All(ContractSuite.FromSpec(TodoContract.Spec)).Single();

        Assert.That(result.Message, Does.Contain("the suite has no target").And.Contain(".Against(() => new WebApplicationFactory<Program>())"));
    }

    [Test]
    public void UnreachableUrl_EveryCaseFailsSayingSo()
    {
        var results = CaseResult.All(ContractSuite.FromSpec(TodoContract.Spec).WithRules(TodoContract.Rules).Against(new Uri("http://127.0.0.1:9/")));

        Assert.That(results, Has.Count.GreaterThan(10));
        Assert.That(results.Select(r => r.Outcome).Distinct(), Is.EqualTo(new[] { CaseResult.Failed }));
        Assert.That(results[0].Message, Does.Contain("127.0.0.1:9"));
    }
}
