using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Cli.Tests;

/// <summary>
/// A server that echoes the run's credential back in every form a page or a header may hold it: the secret is in
/// no output, in any of those forms, and a header that only mentions credentials is shown as it is.
/// </summary>
public class SecretEchoTests
{
    // Characters that URL-encoding, JSON-escaping and HTML-encoding each change.
    private const string Secret = "s3cr3t-XYZ+/9q=&<k>";

    private const string Spec = """
        openapi: 3.0.3
        info: {title: Echo, version: '1'}
        security: [{token: []}]
        paths:
          /things:
            get:
              operationId: listThings
              responses:
                '200': {description: the things, content: {application/json: {schema: {type: array}}}}
                '401': {description: no credentials}
          /things/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            get:
              operationId: getThing
              responses:
                '200': {description: the thing, content: {application/json: {schema: {type: object}}}}
                '401': {description: no credentials}
                '404': {description: no such thing, content: {application/json: {schema: {type: object}}}}
        components:
          securitySchemes:
            token: {type: apiKey, in: header, name: Authorization}
        """;

    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("cc-echo-").FullName;

    [TearDown]
    public void DeleteDirectory()
    {
        Environment.SetEnvironmentVariable("CC_ECHO_SECRET", null);
        Directory.Delete(_dir, true);
    }

    /// <summary>The secret as a server may send it back: as given, in a URL, in a JSON or JavaScript string, in HTML.</summary>
    private static readonly string[] Forms =
    [
        Secret,
        Uri.EscapeDataString(Secret),
        WebUtility.UrlEncode(Secret),
        JavaScriptEncoder.Default.Encode(Secret),
        JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(Secret),
        WebUtility.HtmlEncode(Secret),
    ];

    // The login of the "login" case: the token the API hands out is the secret.
    private const string LoginPath = """
          /login:
            post:
              operationId: login
              security: []
              requestBody: {content: {application/json: {schema: {type: object}}}}
              responses:
                '200': {description: the token, content: {application/json: {schema: {type: object}}}}
        """;

    [TestCase("rules", TestName = "SecretEchoedByTheServer_InTheRulesAuthHeader_AppearsInNoOutputInAnyForm")]
    [TestCase("header", TestName = "SecretEchoedByTheServer_GivenAsHeaderOption_AppearsInNoOutputInAnyForm")]
    [TestCase("login", TestName = "SecretEchoedByTheServer_FetchedByTheRulesLogin_AppearsInNoOutputInAnyForm")]
    public async Task SecretEchoedByTheServer_AppearsInNoOutputInAnyForm(string from)
    {
        var pages = 0;
        await using var api = await TestApi.StartAsync(app => app.Run(async ctx =>
        {
            ctx.Response.Headers["Access-Control-Allow-Credentials"] = "true";
            ctx.Response.Headers["Access-Control-Allow-Origin"] = "https://app.example";
            if (ctx.Request.Path == "/login")
            {
                // Any request to it gets the token: its happy path and every broken request the probes send.
                await ctx.Response.WriteAsJsonAsync(new { access_token = Secret, note = "your token is " + Secret });
                return;
            }

            if (ctx.Request.Headers.Authorization != "token " + Secret)
            {
                ctx.Response.StatusCode = 401;
                ctx.Response.Headers.WWWAuthenticate = "token realm=\"echo\"";
                return;
            }

            if (ctx.Request.Path == "/things")
            {
                await ctx.Response.WriteAsJsonAsync(Array.Empty<int>());
                return;
            }

            // A framework's 404 page that puts the caller's token everywhere: a link first, a data attribute across the
            // 2 KB the JUnit shows of a body, an inline script; a Location and a custom header with it.
            Interlocked.Increment(ref pages);
            ctx.Response.StatusCode = 404;
            ctx.Response.Headers.Location = "/login?next=/x&token=" + Uri.EscapeDataString(Secret);
            ctx.Response.Headers["X-Echo"] = Secret;
            ctx.Response.ContentType = "text/html; charset=utf-8";
            var head = $"<!doctype html><html><body><a href=\"/x?token={Secret}\">try again</a><p>";
            const string attribute = "<div data-token=\"";
            var padding = new string('.', 2036 - head.Length - attribute.Length);
            await ctx.Response.WriteAsync($"{head}{padding}{attribute}{WebUtility.HtmlEncode(Secret)}\"></div></p>"
                + $"<script>var session = {{\"token\": \"{JavaScriptEncoder.Default.Encode(Secret)}\"}};</script></body></html>");
        }));
        File.WriteAllText(Path.Combine(_dir, "openapi.yaml"), from == "login" ? Spec.Replace("paths:\n", "paths:\n" + LoginPath + "\n", StringComparison.Ordinal) : Spec);
        var junit = Path.Combine(_dir, "results.xml");
        var har = Path.Combine(_dir, "run.har");
        var json = Path.Combine(_dir, "report.json");
        var sarif = Path.Combine(_dir, "report.sarif");
        var markdown = Path.Combine(_dir, "summary.md");
        var html = Path.Combine(_dir, "report.html");
        var args = new List<string> { "run", "--spec", Path.Combine(_dir, "openapi.yaml"), "--base-url", api.BaseUrl.ToString(), "--junit", junit, "--har", har, "--json", json, "--sarif", sarif, "--markdown", markdown, "--html", html, "--seed", "3" };
        switch (from)
        {
            case "rules":
                Environment.SetEnvironmentVariable("CC_ECHO_SECRET", Secret);
                File.WriteAllText(Path.Combine(_dir, "rules.yaml"), "auth:\n  header: {name: Authorization, value: 'token ${CC_ECHO_SECRET}'}\n");
                args.AddRange(["--rules", Path.Combine(_dir, "rules.yaml")]);
                break;
            case "login":
                File.WriteAllText(Path.Combine(_dir, "rules.yaml"), "auth:\n  login: {operation: login, body: {user: me}, token: /access_token, scheme: token}\n");
                args.AddRange(["--rules", Path.Combine(_dir, "rules.yaml")]);
                break;
            default:
                args.AddRange(["--header", "Authorization: token " + Secret]);
                break;
        }

        var (exit, stdout, stderr) = await CliRunner.RunAsync([.. args]);
        var dry = await CliRunner.RunAsync([.. args.Where(a => a is not ("--junit" or "--har" or "--json") && a != junit && a != har && a != json), "--dry-run"]);

        Assert.That(exit, Is.EqualTo(1), stdout + stderr);
        Assert.That(pages, Is.GreaterThan(0), "the server sent its page with the secret");
        var harText = File.ReadAllText(har);
        var outputs = new Dictionary<string, string>
        {
            ["console"] = stdout + stderr,
            ["junit"] = File.ReadAllText(junit),
            ["har"] = harText,
            ["har, decoded"] = string.Join("\n", Strings(JsonDocument.Parse(harText).RootElement)),
            ["json"] = File.ReadAllText(json),
            ["json, decoded"] = string.Join("\n", Strings(JsonDocument.Parse(File.ReadAllText(json)).RootElement)),
            ["dry-run"] = dry.Out + dry.Err,
            ["sarif"] = File.ReadAllText(sarif),
            ["markdown"] = File.ReadAllText(markdown),
            ["html"] = File.ReadAllText(html),
            ["html, decoded"] = WebUtility.HtmlDecode(File.ReadAllText(html)),
            ["sarif, decoded"] = string.Join("\n", Strings(JsonDocument.Parse(File.ReadAllText(sarif)).RootElement)),
        };
        foreach (var (name, text) in outputs)
        {
            foreach (var form in Forms)
            {
                Assert.That(text, Does.Not.Contain(form), $"the secret leaked into the {name} as {form}");
            }

            // Nor a piece of it, such as the part before a cut.
            var piece = Enumerable.Range(0, Secret.Length - 7).Select(i => Secret.Substring(i, 8)).FirstOrDefault(p => text.Contains(p, StringComparison.Ordinal));
            Assert.That(piece, Is.Null, $"part of the secret leaked into the {name}");
        }

        // Each place the server echoed it was shown, masked; the failure's curl names where to put it back.
        var variable = from switch { "rules" => "CC_ECHO_SECRET", "login" => "CONTRACTCHECK_TOKEN_MAIN", _ => "CONTRACTCHECK_SECRET_1" };
        Assert.That(stdout, Does.Contain($"-H 'Authorization: token '\"${{{variable}}}\"").And.Contain("<a href=\"/x?token=***\">"));
        Assert.That(outputs["junit"], Does.Contain("X-Echo: ***").And.Contain("Location: /login?next=/x&amp;token=***").And.Contain("data-token=\"***\"&gt;&lt;/div&gt;"), "the whole page is masked before the JUnit cuts it at 2 KB");

        Assert.That(outputs["html"], Does.Contain("X-Echo: ***").And.Contain("data-token=&quot;***&quot;&gt;&lt;/div&gt;"), "the page the server sent is shown masked and escaped");

        // A header that only mentions credentials is evidence, not a secret.
        Assert.That(outputs["junit"], Does.Contain("Access-Control-Allow-Credentials: true"));
        var harHeaders = JsonDocument.Parse(harText).RootElement.GetProperty("log").GetProperty("entries").EnumerateArray()
            .SelectMany(e => e.GetProperty("response").GetProperty("headers").EnumerateArray())
            .Where(h => h.GetProperty("name").GetString() == "Access-Control-Allow-Credentials").Select(h => h.GetProperty("value").GetString()).ToList();
        Assert.That(harHeaders, Is.Not.Empty.And.All.EqualTo("true"));
        Assert.That(Regex.Matches(stdout + outputs["junit"], "Access-Control-Allow-Credentials: \\*\\*\\*"), Is.Empty);
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.String => [element.GetString()!],
        _ => [],
    };
}
