using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ContractCheck.Core.Schema;
using ContractCheck.Core.Spec;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace ContractCheck.Bench;

/// <summary>
/// Validating a 1 MB response body (a list of GitHub issues, generated from the spec's own schema) against
/// that large schema, next to receiving the same megabyte from a Kestrel server on 127.0.0.1.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ValidationBenchmark
{
    private byte[] _body = [];
    private IOpenApiSchema _schema = null!;
    private SchemaValidator _validator = null!;
    private WebApplication _server = null!;
    private HttpClient _client = null!;
    private Uri _url = null!;

    [GlobalSetup]
    public void Setup()
    {
        var spec = new SpecLoader().Load(SpecFiles.Find("github-api.json"));
        var operation = spec.Operations.Single(o => o.Key == "GET /repos/{owner}/{repo}/issues");
        _schema = operation.Model.Responses!["200"].Content!["application/json"].Schema!;
        _validator = new SchemaValidator(spec.Document, new ValidationOptions(ValidationDirection.Response));
        _body = OneMegabyte(spec, _schema);
        if (_validator.Validate(JsonNode.Parse(_body), _schema).FirstOrDefault() is { } error)
        {
            throw new InvalidOperationException("benchmark body is not valid: " + error);
        }

        (_server, var baseUrl) = LocalServer.StartAsync(app => app.MapGet("/issues", () => Results.Bytes(_body, "application/json"))).GetAwaiter().GetResult();
        _url = new Uri(baseUrl, "/issues");
        _client = new HttpClient();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _server.StopAsync().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "receive 1 MB on loopback")]
    public int Receive() => _client.GetByteArrayAsync(_url).GetAwaiter().GetResult().Length;

    [Benchmark(Description = "parse + validate 1 MB")]
    public int ParseAndValidate() => _validator.Validate(JsonNode.Parse(_body), _schema).Count;

    private static byte[] OneMegabyte(ApiSpec spec, IOpenApiSchema schema)
    {
        var item = new ValueGenerator(new Random(1), spec.Document).Generate(schema.Items!)!;
        var array = new JsonArray();
        var size = 2;
        while (size < 1024 * 1024)
        {
            var copy = item.DeepClone();
            array.Add(copy);
            size += copy.ToJsonString().Length + 1;
        }

        return System.Text.Encoding.UTF8.GetBytes(array.ToJsonString());
    }
}
