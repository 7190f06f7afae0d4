using ContractCheck.NUnit.Tests.Support;

namespace ContractCheck.NUnit.Tests;

/// <summary>Test case names: <c>METHOD /path: probe</c>, unique, and the same whatever the seed (planning only: nothing is sent).</summary>
public class CaseNameTests
{
    private static ContractSuite Todo(int seed) =>
        ContractSuite.FromSpec(TodoContract.Spec).WithRules(TodoContract.Rules).Against(new Uri("http://127.0.0.1:9/")).WithSeed(seed);

    [Test]
    public void Cases_OfTheTodoApi_AreNamedByOperationAndProbe_OncePerProbeOfThePlan()
    {
        var suite = Todo(1);
        var names = suite.Cases().Select(c => c.Name).ToList();

        Assert.That(names, Is.Unique);
        Assert.That(names, Has.All.Match(@"^[A-Z]+ /\S*: [a-z-]+( \(.+\))?$"));
        Assert.That(names, Does.Contain("POST /todos: invalid-body (required property 'title' removed)").And.Contain("GET /todos/{id}: not-found").And.Contain("TRACE /todos: wrong-method"));
        var plan = suite.Run!.Plan;
        Assert.That(names, Has.Count.EqualTo(plan.Probes.Select(p => (p.Operation.Key, p.DisplayName)).Distinct().Count()));
    }

    [Test]
    public void Cases_PlannedWithOtherSeeds_HaveTheSameNamesInTheSameOrder()
    {
        Assert.That(Todo(2).Cases().Select(c => c.Name), Is.EqualTo(Todo(99_999).Cases().Select(c => c.Name)));
    }

    [Test]
    public void Cases_AreNUnitTestCasesNamedAsThey_WithThemselvesAsTheArgument()
    {
        var c = Todo(1).Cases().First();

        Assert.That(c.TestName, Is.EqualTo(c.Name));
        Assert.That(c.Arguments, Is.EqualTo(new object[] { c }));
    }

    [TestCase("GET /todos/{id}: not-found", "GET /todos/{id}: not-found")]
    [TestCase("GET /items/{a}: happy-path", "GET /items/{ a }: happy-path")]
    [TestCase("DELETE /x/{m}/{0}/{name}: not-found", "DELETE /x/{ m }/{ 0 }/{name}: not-found")]
    public void NameForNUnit_TokenNUnitWouldReplace_IsSpacedOut(string name, string expected)
    {
        Assert.That(CaseName.ForNUnit(name), Is.EqualTo(expected));
    }
}
