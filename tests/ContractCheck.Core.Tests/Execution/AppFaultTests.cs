using ContractCheck.Core.Checks;
using ContractCheck.Core.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TodoApi;

namespace ContractCheck.Core.Tests.Execution;

/// <summary>An app in process that throws: a TestServer hands the exception to the caller, where a server would answer 500.</summary>
public class AppFaultTests
{
    [Test]
    public async Task ExceptionTheAppThrowsThroughATestServer_IsThatRequestsError_AndTheRunGoesOn()
    {
        await using var app = TodoApp.Create(new TodoApiOptions(), before: a => a.Use(async (HttpContext context, RequestDelegate next) =>
        {
            if (context.Request.Path == "/health" && HttpMethods.IsGet(context.Request.Method))
            {
                throw new InvalidOperationException("planted fault");
            }

            await next(context);
        }), host: builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        var handler = ((TestServer)app.Services.GetRequiredService<IServer>()).CreateHandler();

        var report = await Pipeline.RunTodoAsync(new Uri("http://localhost/"), seed: 3, handler: handler);

        var health = report.Cases.Single(c => c.Operation.Key == "GET /health" && c.Probe.StartsWith("happy-path", StringComparison.Ordinal) && c.Outcome == Outcome.Error);
        Assert.That(health.Results[0].Finding.Message, Does.Contain("the app threw System.InvalidOperationException: planted fault"));
        Assert.That(report.Stopped, Is.Null, "the app is alive: its fault is no silence");
        Assert.That(report.Cases.Where(c => c.Operation.Key != "GET /health" && c.Outcome is Outcome.Failed or Outcome.Error), Is.Empty);
    }
}
