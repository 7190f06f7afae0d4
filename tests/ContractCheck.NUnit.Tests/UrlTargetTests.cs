using ContractCheck.NUnit.Tests.Support;
using ContractCheck.Tests;

namespace ContractCheck.NUnit.Tests;

/// <summary>Against a URL the suite sends over sockets, as <c>contractcheck run --base-url</c> does.</summary>
[NonParallelizable]
public class UrlTargetTests
{
    [Test]
    public async Task Url_OfARunningTodoApi_EveryCasePasses_AndTheRunLeavesNothingBehind()
    {
        await using var api = await TestApi.StartTodoAsync();
        var suite = ContractSuite.FromSpec(TodoContract.Spec).WithRules(TodoContract.RulesUntimed).Against(api.BaseUrl);

        var results = CaseResult.All(suite);

        Assert.That(results.Where(r => r.Outcome != CaseResult.Passed).Select(r => $"{r.Name}: {r.Message}"), Is.Empty);
        Assert.That(api.Requests, Is.GreaterThan(results.Count), "the requests went to the server at the URL");
        Assert.That(api.Todos, Is.Zero, "what the run created was deleted before the cases reported");
    }
}
