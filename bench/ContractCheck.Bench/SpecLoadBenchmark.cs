using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ContractCheck.Core.Spec;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ContractCheck.Bench;

/// <summary>
/// The spec loader's own cost on top of Microsoft.OpenApi: the library alone (parse + read, validation
/// off, as the loader configures it) against ContractCheck's whole load (parse, bundle refs, read,
/// list operations). Target: the overhead stays small next to the library's own time.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class SpecLoadBenchmark
{
    private string _path = "";
    private string _text = "";

    [Params("github-api.json", "stripe-spec3.yaml", "digitalocean.yaml")]
    public string Spec { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = SpecFiles.Find(Spec);
        _text = File.ReadAllText(_path);
    }

    [Benchmark(Baseline = true, Description = "Microsoft.OpenApi alone")]
    public OpenApiDocument? LibraryOnly() => SpecFiles.LibraryOnly(_text, _path);

    [Benchmark(Description = "ContractCheck SpecLoader")]
    public int ContractCheck() => new SpecLoader().Load(_text, _path, new Uri(_path)).Operations.Count;
}
