using System.Text;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Cli.Tests;

/// <summary>A full run with known secrets in every credential place; every output is searched for them.</summary>
public class SecretTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Vault, version: '1'}
        security: [{bearer: []}, {key: []}, {q: []}, {session: []}]
        paths:
          /things:
            get:
              operationId: listThings
              responses: {'200': {description: ok, content: {application/json: {schema: {type: array}}}}, '401': {description: no}}
            post:
              operationId: createThing
              requestBody: {content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}
              responses: {'201': {description: made}, '401': {description: no}}
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer}
            key: {type: apiKey, in: header, name: X-Vault-Key}
            q: {type: apiKey, in: query, name: access}
            session: {type: apiKey, in: cookie, name: vault_session}
        """;

    // The last: a token the run fetches itself (the limited identity's command prints it).
    private static readonly string[] Secrets = ["brr-S3cret-1f9a", "hdr-S3cret-2e8b", "qry-S3cret-3d7c", "ck-S3cret-4c6d", "cli-S3cret-5b5e", "cmd-S3cret-6a4f"];

    [Test]
    public async Task KnownSecrets_AppearInNoOutput()
    {
        var dir = Directory.CreateTempSubdirectory("cc-secret-").FullName;
        try
        {
            Environment.SetEnvironmentVariable("CC_TEST_BEARER", Secrets[0]);
            Environment.SetEnvironmentVariable("CC_TEST_KEY", Secrets[1]);
            Environment.SetEnvironmentVariable("CC_TEST_QUERY", Secrets[2]);
            File.WriteAllText(Path.Combine(dir, "openapi.yaml"), Spec);
            File.WriteAllText(Path.Combine(dir, "rules.yaml"), "auth:\n  bearer: ${CC_TEST_BEARER}\n  header: {name: X-Vault-Key, value: '${CC_TEST_KEY}'}\n  query: {name: access, value: '${CC_TEST_QUERY}'}\n"
                + $"identities:\n  limited:\n    command: printf {Secrets[5]}\n    may: [createThing]\n");

            // The server echoes every header and the query back, in an error body and in Set-Cookie.
            await using var api = await TestApi.StartAsync(app => app.Map("/{**rest}", (HttpContext ctx) =>
            {
                var echo = string.Join("\n", ctx.Request.Headers.Select(h => $"{h.Key}: {h.Value}")) + "\n" + ctx.Request.QueryString;
                ctx.Response.Headers.SetCookie = "vault_session=" + Secrets[3] + "; HttpOnly";
                return Results.Text(echo, "text/plain", Encoding.UTF8, 500);
            }));
            var junit = Path.Combine(dir, "results.xml");
            var reports = new[] { "--json", "--sarif", "--markdown", "--html", "--har" }.ToDictionary(o => o, o => Path.Combine(dir, "report" + o[1..]));

            var run = await CliRunner.RunAsync(["run", "--spec", Path.Combine(dir, "openapi.yaml"), "--rules", Path.Combine(dir, "rules.yaml"), "--base-url", api.BaseUrl.ToString(),
                "--junit", junit, "--header", "Cookie: vault_session=" + Secrets[3], "--header", "X-Cli-Token: " + Secrets[4], "--verbose", .. reports.SelectMany(r => new[] { r.Key, r.Value })]);
            var dry = await CliRunner.RunAsync("run", "--spec", Path.Combine(dir, "openapi.yaml"), "--rules", Path.Combine(dir, "rules.yaml"), "--dry-run",
                "--header", "Cookie: vault_session=" + Secrets[3], "--header", "X-Cli-Token: " + Secrets[4]);

            Assert.That(run.Exit, Is.EqualTo(1), run.Out + run.Err);
            Assert.That(run.Out, Does.Contain("curl -i"), "failures were reported with their curl lines");
            var outputs = new Dictionary<string, string>
            {
                ["console"] = run.Out,
                ["stderr"] = run.Err,
                ["junit"] = File.ReadAllText(junit),
                ["dry-run"] = dry.Out + dry.Err,
            };
            foreach (var (option, path) in reports)
            {
                outputs[option] = File.ReadAllText(path);
            }

            foreach (var (name, text) in outputs)
            {
                foreach (var secret in Secrets)
                {
                    Assert.That(text, Does.Not.Contain(secret), $"{secret} leaked into {name}");
                }
            }

            // Echoed by the server: masked; in reproductions: the variable each secret came from.
            Assert.That(outputs["junit"], Does.Contain("Authorization: Bearer ***").And.Contain("X-Vault-Key: ***").And.Contain("access=***"));
            Assert.That(outputs["console"], Does.Contain("insufficient-permission").And.Contain("-H 'Authorization: Bearer '\"${CONTRACTCHECK_TOKEN_LIMITED}\""), "the fetched token was sent, echoed and masked");
            Assert.That(outputs["console"], Does.Contain("-H 'Authorization: Bearer '\"${CC_TEST_BEARER}\"").And.Contain("-H 'X-Vault-Key: '\"${CC_TEST_KEY}\"").And.Contain("access='\"${CC_TEST_QUERY}\""));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
