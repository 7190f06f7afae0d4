using System.Text.RegularExpressions;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Cli.Tests;

/// <summary>The HTML report shows what a server sent as text: a response body with markup in it is escaped, never run.</summary>
public class HtmlReportTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Markup, version: '1'}
        paths:
          /things:
            get:
              operationId: listThings
              responses:
                '200': {description: the things, content: {application/json: {schema: {type: array}}}}
        """;

    private const string Body = "<script>alert(1)</script><img src=x onerror=\"console.error('the body ran')\">";

    private string _dir = "";

    private string Report => Path.Combine(_dir, "report.html");

    [OneTimeSetUp]
    public async Task RunAgainstAServerThatAnswersWithMarkup()
    {
        _dir = Directory.CreateTempSubdirectory("cc-html-").FullName;
        await using var api = await TestApi.StartAsync(app => app.Run(async ctx =>
        {
            ctx.Response.StatusCode = 500;
            ctx.Response.ContentType = "text/html";
            await ctx.Response.WriteAsync(Body);
        }));
        File.WriteAllText(Path.Combine(_dir, "openapi.yaml"), Spec);

        var (exit, stdout, stderr) = await CliRunner.RunAsync("run", "--spec", Path.Combine(_dir, "openapi.yaml"), "--base-url", api.BaseUrl.ToString(), "--html", Report, "--seed", "1", "--output", "summary");

        Assert.That(exit, Is.EqualTo(1), stdout + stderr);
    }

    [OneTimeTearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, true);

    [Test]
    public void Html_ResponseBodyWithAScript_IsWrittenEscaped()
    {
        var html = File.ReadAllText(Report);

        Assert.That(html, Does.Contain("<pre class=\"body\">&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;console.error(&#39;the body ran&#39;)&quot;&gt;</pre>"));
        Assert.That(html, Does.Not.Contain("<script>alert").And.Not.Contain("<img"));
        Assert.That(Regex.Matches(html, "<script"), Has.Count.EqualTo(1), "the report's own script only");
        Assert.That(ReportFilesTests.ExternalReferences(html), Is.Empty);
    }

    [Test]
    public async Task Html_ResponseBodyWithAScript_ShowsAsTextInChromium_AndDoesNotRun()
    {
        var page = await Chromium.DomAsync(Report);

        Assert.That(page.Console, Is.Empty, "nothing of the body ran");
        Assert.That(Regex.Matches(page.Dom, "<script"), Has.Count.EqualTo(1));
        Assert.That(page.Dom, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.Not.Contain("<img"));
    }
}
