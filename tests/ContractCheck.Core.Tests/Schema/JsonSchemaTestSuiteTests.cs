using System.Text.Json.Nodes;
using ContractCheck.Core.Schema;
using ContractCheck.Tests;

namespace ContractCheck.Core.Tests.Schema;

/// <summary>
/// The validator against the official JSON Schema Test Suite (../shared/json-schema-test-suite).
/// Each test schema is loaded the way specs are — embedded as a component of an OpenAPI document
/// (draft4 as OpenAPI 3.0, draft7 and draft2020-12 as 3.1) and read by the spec loader — then every
/// test's data is validated. Prints the pass rate per keyword; asserts at least 98% of the claimed cases.
/// </summary>
public class JsonSchemaTestSuiteTests
{
    /// <summary>Keyword files not claimed, with the reason (also listed in the README).</summary>
    public static readonly IReadOnlyDictionary<string, string> UnclaimedFiles = new Dictionary<string, string>
    {
        ["refRemote"] = "remote references: ContractCheck never fetches schemas from other hosts",
        ["dynamicRef"] = "$dynamicRef / $dynamicAnchor are not in the OpenAPI model",
        ["anchor"] = "$anchor references are not in the OpenAPI model",
        ["unevaluatedItems"] = "unevaluatedItems is not claimed (annotation collection across subschemas)",
        ["unevaluatedProperties"] = "unevaluatedProperties is not claimed (annotation collection across subschemas)",
        ["vocabulary"] = "$vocabulary / custom metaschemas are not claimed",
        ["content"] = "contentMediaType / contentEncoding are annotations in 2020-12",
        ["id"] = "$id-based resolution is not in the OpenAPI model",
        ["additionalItems"] = "tuple arrays (items as a list) are not OpenAPI 3.0; 3.1 uses prefixItems",
        ["dependencies"] = "draft4/7 'dependencies' is not an OpenAPI keyword (3.1 has dependentRequired / dependentSchemas)",
    };

    /// <summary>Features inside otherwise claimed files that are not claimed: a test group using one is counted apart.</summary>
    public static readonly (string Marker, string Reason, string[] Drafts)[] UnclaimedFeatures =
    [
        ("\"$id\"", "$id-based resolution", []),
        ("\"$anchor\"", "$anchor references", []),
        ("\"$dynamicRef\"", "dynamic references", []),
        ("\"$recursiveRef\"", "recursive references", []),
        ("unevaluated", "unevaluated* keywords", []),
        ("\"$ref\": \"http", "remote references", []),
        ("\"$ref\": \"urn:", "URN references", []),
        ("\"$schema\"", "per-schema dialects other than the suite's own", []),
        ("\"id\": \"", "draft4 id-based resolution", ["draft4"]),
        ("\"type\": [", "type arrays (OpenAPI 3.0 takes one type)", ["draft4"]),
        ("\"patternProperties\"", "patternProperties is not an OpenAPI 3.0 keyword", ["draft4"]),
        ("\"items\": [", "tuple arrays (items as a list; OpenAPI 3.1 uses prefixItems)", ["draft4", "draft7"]),
    ];

    [TestCase("draft4", "3.0.3")]
    [TestCase("draft7", "3.1.0")]
    [TestCase("draft2020-12", "3.1.0")]
    public void Suite_ClaimedKeywords_PassAtLeast98Percent(string draft, string openapi)
    {
        var root = SharedData.Require(Path.Combine("json-schema-test-suite", "tests", draft));
        var files = Directory.GetFiles(root, "*.json").Select(f => (File: f, Formats: false))
            .Concat(Directory.GetFiles(Path.Combine(root, "optional", "format"), "*.json")
                .Where(f => Formats.Claimed.Contains(Path.GetFileNameWithoutExtension(f)))
                .Select(f => (File: f, Formats: true)));

        int passed = 0, total = 0, unclaimed = 0;
        var failures = new List<string>();
        var rows = new List<string>();
        foreach (var (file, formats) in files.OrderBy(f => f.File, StringComparer.Ordinal))
        {
            var keyword = (formats ? "format/" : "") + Path.GetFileNameWithoutExtension(file);
            if (UnclaimedFiles.ContainsKey(Path.GetFileNameWithoutExtension(file)))
            {
                unclaimed += JsonNode.Parse(File.ReadAllText(file))!.AsArray().Sum(g => g!["tests"]!.AsArray().Count);
                continue;
            }

            int filePassed = 0, fileTotal = 0;
            foreach (var group in JsonNode.Parse(File.ReadAllText(file))!.AsArray())
            {
                // The suite's own dialect declaration says nothing the embedding does not; any other dialect is unclaimed.
                if (group!["schema"] is JsonObject declared && declared["$schema"]?.GetValue<string>() is { } dialect && dialect.Contains(draft.Replace("draft", ""), StringComparison.Ordinal))
                {
                    declared.Remove("$schema");
                }

                var schemaText = group["schema"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
                var tests = group["tests"]!.AsArray();
                if (UnclaimedFeatures.Any(f => (f.Drafts.Length == 0 || f.Drafts.Contains(draft)) && schemaText.Contains(f.Marker, StringComparison.Ordinal)))
                {
                    unclaimed += tests.Count;
                    continue;
                }

                var (validator, schema, loadError) = Load(group["schema"]!, openapi, formats);
                foreach (var test in tests)
                {
                    fileTotal++;
                    var expected = test!["valid"]!.GetValue<bool>();
                    bool? actual = null;
                    try
                    {
                        actual = schema is null ? null : validator!.IsValid(test["data"], schema);
                    }
                    catch (Exception e)
                    {
                        loadError = e.GetType().Name + ": " + e.Message;
                    }

                    if (actual == expected)
                    {
                        filePassed++;
                    }
                    else
                    {
                        failures.Add($"{draft}/{keyword}: {group["description"]} / {test["description"]} (expected {(expected ? "valid" : "invalid")}{(loadError is null ? "" : ", " + loadError)})");
                    }
                }
            }

            passed += filePassed;
            total += fileTotal;
            rows.Add($"  {keyword,-28} {filePassed,4}/{fileTotal,-4} {100.0 * filePassed / Math.Max(1, fileTotal),6:0.0}%");
        }

        var rate = 100.0 * passed / total;
        TestContext.Progress.WriteLine($"JSON Schema Test Suite {draft}: {passed}/{total} claimed cases pass ({rate:0.00}%), {unclaimed} cases not claimed");
        foreach (var row in rows)
        {
            TestContext.Out.WriteLine(row);
        }

        foreach (var failure in failures)
        {
            TestContext.Out.WriteLine("  FAIL " + failure);
        }

        Assert.That(rate, Is.GreaterThanOrEqualTo(98.0), string.Join("\n", failures.Take(40)));
    }

    /// <summary>Embeds a test schema as components/schemas/S of an OpenAPI document and loads it with the spec loader.</summary>
    private static (SchemaValidator? Validator, Microsoft.OpenApi.IOpenApiSchema? Schema, string? Error) Load(JsonNode schema, string openapi, bool formats)
    {
        try
        {
            var file = JsonSchemaFile.Embed(schema, openapi, formats);
            return (file.Validator, file.Schema, null);
        }
        catch (ContractCheckException e)
        {
            return (null, null, e.Message);
        }
    }
}
