using System.Collections.Concurrent;
using ContractCheck.Core.Spec;
using ContractCheck.Tests;

namespace ContractCheck.Core.Tests.Support;

/// <summary>Corpus specs loaded once per test run (the large ones take a second each).</summary>
public static class CorpusSpecs
{
    private static readonly ConcurrentDictionary<string, ApiSpec> Loaded = new(StringComparer.Ordinal);

    public static ApiSpec Get(string file) => Loaded.GetOrAdd(file, f => new SpecLoader().Load(SharedData.Require(Path.Combine("specs", f))));
}
