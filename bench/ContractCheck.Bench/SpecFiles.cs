using System.Text.Json.Nodes;
using ContractCheck.Core.Spec;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ContractCheck.Bench;

/// <summary>Finds corpus specs (../shared/specs, or CONTRACTCHECK_SHARED) and loads them with the library alone.</summary>
public static class SpecFiles
{
    public static string Find(string name)
    {
        var shared = Environment.GetEnvironmentVariable("CONTRACTCHECK_SHARED");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); shared is null && dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContractCheck.sln")))
            {
                shared = Path.Combine(dir.FullName, "..", "shared");
            }
        }

        var path = Path.GetFullPath(Path.Combine(shared ?? "../shared", "specs", name));
        return File.Exists(path) ? path : throw new FileNotFoundException($"benchmark input {name} is missing: expected {path} (set CONTRACTCHECK_SHARED)");
    }

    /// <summary>What the library costs by itself: JSON (or YAML through our adapter, as it has no YAML reader) to a document, validation off.</summary>
    public static OpenApiDocument? LibraryOnly(string text, string path)
    {
        var node = path.EndsWith(".json", StringComparison.Ordinal) ? JsonNode.Parse(text)! : DocumentParser.Parse(text, path)!;
        var settings = new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetEmptyRuleSet() };
        return new OpenApiJsonReader().Read(node, new Uri(path), settings).Document;
    }
}
