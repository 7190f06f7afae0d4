using ContractCheck.Core.Reporting;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TodoApi;

namespace ContractCheck.Core.Tests.Execution;

/// <summary>The transport over a handler the caller hands in: the Todo API on an ASP.NET Core TestServer, no port.</summary>
public class InProcessTests
{
    private static IEnumerable<string> Findings(RunReport report) =>
        report.Cases.Select(c => $"{c.Operation.Key} {c.Name}: {c.Outcome}");

    [Test]
    public async Task TheTodoApiThroughATestServerHandler_GivesTheFindingsOfASocketRun_AndOpensNoPort()
    {
        RunReport socket;
        await using (var api = await TestApi.StartTodoAsync())
        {
            socket = await Pipeline.RunTodoAsync(api.BaseUrl, seed: 9);
        }

        await using var app = TodoApp.Create(new TodoApiOptions(), host: builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        var server = (TestServer)app.Services.GetRequiredService<IServer>();
        var inProcess = await Pipeline.RunTodoAsync(new Uri("http://localhost/"), seed: 9, handler: server.CreateHandler());

        Assert.That(Findings(inProcess), Is.EqualTo(Findings(socket)));
        Assert.That(inProcess.Failed, Is.Zero);
        Assert.That(inProcess.Created, Is.EqualTo(socket.Created).And.GreaterThan(0));
        Assert.That(inProcess.Deleted, Is.EqualTo(inProcess.Created));
        Assert.That(app.Services.GetRequiredService<TodoStore>().Count, Is.Zero);
        Assert.That(app.Urls, Is.Empty, "a TestServer listens on no address");
    }
}
