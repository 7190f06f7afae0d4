using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ContractCheck.Cli.Tests;

/// <summary>
/// The reproduce lines of failures, run as printed (with the secrets' variables set) against the server that got
/// the original: the server receives the very same method, target, Content-Type, Authorization, a header with shell
/// characters in it, and body bytes.
/// </summary>
public class CurlReplayTests
{
    private const string Token = "rpl-T0ken-4f2a";

    // Every probe kind that can fail is made to fail by the server below.
    private static readonly string[] Kinds =
        ["happy-path", "missing-auth", "invalid-auth", "hide-existence", "bad-json", "wrong-content-type", "invalid-body", "duplicate-create", "wrong-method", "not-found", "lifecycle", "burst"];

    private const string Spec = """
        openapi: 3.0.3
        info: {title: Things, version: '1'}
        security: [{bearer: []}]
        paths:
          /things:
            get:
              operationId: listThings
              parameters:
                - {name: limit, in: query, required: true, schema: {type: integer, minimum: 1, maximum: 50}, example: 10}
                - {name: q, in: query, required: true, schema: {type: string}, example: "blue & green/ü?"}
              responses:
                '200': {description: the things, content: {application/json: {schema: {type: object}}}}
                '401': {description: no credentials}
                '429': {description: slow down, headers: {Retry-After: {schema: {type: integer}}}}
            post:
              operationId: createThing
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/NewThing'}
                    example: {name: "it's a 'blue' widget ü", size: 3, note: "costs $HOME \\ `date` \"quoted\""}
              responses:
                '201': {description: created, content: {application/json: {schema: {type: object}}}}
                '400': {description: not JSON}
                '401': {description: no credentials}
                '409': {description: a thing with this name exists}
                '415': {description: not JSON}
                '422': {description: breaks the schema}
          /things/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            get:
              operationId: getThing
              responses:
                '200': {description: the thing, content: {application/json: {schema: {type: object}}}}
                '401': {description: no credentials}
                '404': {description: no such thing}
            put:
              operationId: replaceThing
              requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/NewThing'}}}}
              responses:
                '200': {description: replaced, content: {application/json: {schema: {type: object}}}}
                '401': {description: no credentials}
                '404': {description: no such thing}
                '422': {description: breaks the schema}
            delete:
              operationId: deleteThing
              responses:
                '204': {description: deleted}
                '401': {description: no credentials}
                '404': {description: no such thing}
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer}
          schemas:
            NewThing:
              type: object
              required: [name, size]
              additionalProperties: false
              properties:
                name: {type: string, minLength: 1, maxLength: 60}
                size: {type: integer, minimum: 1, maximum: 10}
                note: {type: string}
        """;

    private const string Rules = """
        auth:
          bearer: ${CC_REPLAY_TOKEN}
        conventions:
          hideExistence: true
        operations:
          createThing:
            headers: {X-Note: "it's $HOME \\ `id`"}
        rateLimit:
          - operation: listThings
            requests: 8
            within: 1s
            concurrency: 2
        """;

    private sealed record Received(string Method, string Target, string? ContentType, string? Authorization, string? Note, byte[] Body);

    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("cc-curl-").FullName;

    [TearDown]
    public void DeleteDirectory()
    {
        Environment.SetEnvironmentVariable("CC_REPLAY_TOKEN", null);
        Directory.Delete(_dir, true);
    }

    [Test]
    public async Task ReproduceLines_SendTheSameRequestAsTheProbe_ForEveryKindThatFailed()
    {
        if (new[] { "curl", "bash" }.FirstOrDefault(p => !OnPath(p)) is { } missing)
        {
            Assert.Ignore($"{missing} is not installed (not on PATH): the reproduce lines cannot be run here");
        }

        // Wrong on purpose for every probe: a 500 for broken JSON, a 200 for everything else. Each answer starts with
        // the number the server gave the request, so the failure's "response:" line names the request it reproduces.
        var received = new ConcurrentDictionary<int, Received>();
        var count = 0;
        await using var api = await TestApi.StartAsync(app => app.Run(async ctx =>
        {
            using var buffer = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(buffer);
            var seq = Interlocked.Increment(ref count);
            var target = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
            received[seq] = new Received(ctx.Request.Method, target, ctx.Request.Headers.ContentType.FirstOrDefault(), ctx.Request.Headers.Authorization.FirstOrDefault(), ctx.Request.Headers["X-Note"].FirstOrDefault(), buffer.ToArray());
            var answer = new JsonObject { ["seq"] = seq };
            if (buffer.Length > 0)
            {
                try
                {
                    foreach (var (name, value) in JsonNode.Parse(buffer.ToArray()) as JsonObject ?? [])
                    {
                        answer[name] = value?.DeepClone();
                    }
                }
                catch (System.Text.Json.JsonException)
                {
                    ctx.Response.StatusCode = 500;
                    answer["error"] = "unexpected end of JSON";
                }
            }

            answer["id"] = "t" + seq;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(answer.ToJsonString());
        }));
        File.WriteAllText(Path.Combine(_dir, "openapi.yaml"), Spec);
        File.WriteAllText(Path.Combine(_dir, "rules.yaml"), Rules);
        Environment.SetEnvironmentVariable("CC_REPLAY_TOKEN", Token);

        var (exit, stdout, stderr) = await CliRunner.RunAsync("run", "--spec", Path.Combine(_dir, "openapi.yaml"), "--rules", Path.Combine(_dir, "rules.yaml"),
            "--base-url", api.BaseUrl.ToString(), "--seed", "8");

        Assert.That(exit, Is.EqualTo(1), stdout + stderr);
        var lines = Reproductions(stdout);
        Assert.That(lines.Select(l => l.Kind).Distinct(), Is.SupersetOf(Kinds), stdout);
        Assert.That(received.Values.Count(r => r.Note == "it's $HOME \\ `id`"), Is.GreaterThan(0), "the rules' header was sent as written");
        var secrets = new Dictionary<string, string> { ["CC_REPLAY_TOKEN"] = Token };
        foreach (var (kind, curl, original) in lines)
        {
            Assert.That(Regex.Matches(curl, @"\$\{(\w+)\}").Select(m => m.Groups[1].Value), Is.SubsetOf(secrets.Keys), $"{kind}: the variables a line names are those the secrets came from: {curl}");
            Assert.That(curl, Does.Not.Contain("***"), $"{kind}: a masked value cannot be sent again: {curl}");
            var before = Volatile.Read(ref count);
            var (code, output) = await BashAsync(curl, secrets);
            Assert.That(code, Is.Zero, $"{kind}: {curl}\n{output}");
            var replayed = received.Where(r => r.Key > before).Select(r => r.Value).ToList();
            Assert.That(replayed, Has.Count.EqualTo(1), $"{kind}: one request per line: {curl}");
            var sent = received[original];
            var copy = replayed[0];
            var what = $"{kind} (request {original}): {curl}";
            Assert.That(copy.Method, Is.EqualTo(sent.Method), what);
            Assert.That(copy.Target, Is.EqualTo(sent.Target), what);
            Assert.That(copy.ContentType, Is.EqualTo(sent.ContentType), what);
            Assert.That(copy.Authorization, Is.EqualTo(sent.Authorization), what);
            Assert.That(copy.Note, Is.EqualTo(sent.Note), what);
            Assert.That(Convert.ToHexString(copy.Body), Is.EqualTo(Convert.ToHexString(sent.Body)), $"{what}\nsent:     {Encoding.UTF8.GetString(sent.Body)}\nreplayed: {Encoding.UTF8.GetString(copy.Body)}");
        }
    }

    // Each "reproduce:" line, the probe kind it is printed under, and the server's number for the request (from the "response:" line after it).
    private static List<(string Kind, string Curl, int Original)> Reproductions(string console)
    {
        var found = new List<(string, string, int)>();
        var kind = "";
        var lines = console.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (Regex.Match(lines[i], @"^  (?:FAIL|pass|skip) (\S+)") is { Success: true } probe)
            {
                kind = probe.Groups[1].Value;
            }
            else if (Regex.Match(lines[i], "^      reproduce: (curl .*)$") is { Success: true } line)
            {
                var seq = Regex.Match(i + 1 < lines.Length ? lines[i + 1] : "", "^      response: .*?: \\{\"seq\":(\\d+)");
                Assert.That(seq.Success, Is.True, $"the line after a reproduce line names the answer: {lines[i + 1]}");
                found.Add((kind, line.Groups[1].Value, int.Parse(seq.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return found;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, program)));

    // The line as a user's shell runs it: bash, the named variables set, no proxy and no curl configuration of this machine.
    private async Task<(int Code, string Output)> BashAsync(string command, Dictionary<string, string> variables)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        foreach (var name in new[] { "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "CURL_HOME" })
        {
            info.Environment.Remove(name);
        }

        info.Environment["HOME"] = _dir;
        foreach (var (name, value) in variables)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
