using ContractCheck.NUnit.Tests.Support;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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

    [Test]
    public async Task ItemTheCleanUpCouldNotDelete_IsInTheOutputOfTheCasesWhoseProbesCreateSuchItems()
    {
        await using var api = await TestApi.StartTodoAsync(before: app => app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            if (HttpMethods.IsDelete(context.Request.Method))
            {
                context.Response.StatusCode = 500;
                return;
            }

            await next(context);
        }));
        var suite = ContractSuite.FromSpec(TodoContract.Spec).WithRules(TodoContract.RulesUntimed).Against(api.BaseUrl);

        var results = CaseResult.All(suite);

        Assert.That(api.Todos, Is.GreaterThan(0), "the API refused every DELETE");
        Assert.That(results.Single(r => r.Name == "POST /todos: happy-path").Output,
            Does.Contain("left on the server: /todos/").And.Contain("delete it: curl -i -X DELETE '" + api.BaseUrl));
        Assert.That(results.Where(r => r.Name.StartsWith("GET /health", StringComparison.Ordinal)).Select(r => r.Output), Has.None.Contains("left on the server"));
    }
}
