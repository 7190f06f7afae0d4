using System.Text.RegularExpressions;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Core.Yaml;
using ContractCheck.Tests;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Tests.Spec;

/// <summary>Every entry document of ../shared/specs loads and plans; operation counts match SOURCES.md.</summary>
public class CorpusTests
{
    private static readonly RuleSet BuiltIn = new RulesLoader(Defaults.Vocabulary).Load(null);

    public static IEnumerable<TestCaseData> Documents()
    {
        if (!SharedData.Has("specs/SOURCES.md"))
        {
            yield return new TestCaseData("(missing)", -1).SetName("Corpus (../shared/specs missing)");
            yield break;
        }

        // Rows of the SOURCES.md table: | `file` | OAS | format | size | ops | ...
        var row = new Regex(@"^\| `(?<file>[^`]+)` \| [^|]+ \| [^|]+ \| [\d,]+ \| (?<ops>\d+)");
        foreach (var line in File.ReadLines(Path.Combine(SharedData.Root, "specs", "SOURCES.md")))
        {
            var m = row.Match(line);
            if (m.Success)
            {
                yield return new TestCaseData(m.Groups["file"].Value, int.Parse(m.Groups["ops"].Value)).SetName("Corpus_" + m.Groups["file"].Value);
            }
        }
    }

    // The shipped schema (the same as the generated one: RulesSchemaTests checks it), with the project's own validator.
    private static readonly Lazy<JsonSchemaFile> RulesSchemaFile = new(() => JsonSchemaFile.Load(Repository.Path("rules", RulesSchema.FileName)));

    // Each document is planned with the rules `contractcheck init` writes for it (the built-in sets plus what it finds in
    // the spec): the file loads with the real loader, validates against the rules schema, and plans every operation.
    [TestCaseSource(nameof(Documents))]
    public void Load_CorpusDocument_LoadsAndPlansEveryOperationWithTheRulesInitWrites(string file, int operations)
    {
        var path = SharedData.Require(Path.Combine("specs", file));

        var spec = new SpecLoader().Load(path);
        var init = RulesTemplate.Write(spec, file);
        var rules = new RulesLoader(Defaults.Vocabulary, _ => "secret").LoadText(init, "contractcheck.yaml");
        rules.Validate(spec);
        ErrorShape.From(rules.Errors, spec);
        var plan = Planner.Build(spec, rules, PlanOptions.Default);

        Assert.That(spec.Operations, Has.Count.EqualTo(operations), "operation count of SOURCES.md");
        Assert.That(plan.Probes.Count(p => p.Kind == "happy-path"), Is.EqualTo(operations), "one happy-path probe per operation");
        Assert.That(UnresolvedReferences(spec), Is.Empty, "every $ref the operations reach resolves");
        Assert.That(RulesSchemaFile.Value.Errors(YamlToJson.Convert(YamlReader.Read(init, "contractcheck.yaml"), "contractcheck.yaml")), Is.Empty, "init's file is valid against the rules schema");
    }

    [TestCase("github-api.json")]
    [TestCase("stripe-spec3.yaml")]
    [TestCase("digitalocean.yaml")]
    public void Plan_LargeCorpusSpec_IsTheSameOnOneCoreAndOnSeveral(string file)
    {
        var spec = Support.CorpusSpecs.Get(file);
        var options = PlanOptions.Default with { Seed = 7 };

        var sequential = Describe(Planner.Build(spec, BuiltIn, options with { Parallelism = 1 }));
        var parallel = Describe(Planner.Build(spec, BuiltIn, options with { Parallelism = 4 }));

        Assert.That(sequential, Has.Count.GreaterThan(spec.Operations.Count), "a probe per operation at least");
        Assert.That(parallel, Is.EqualTo(sequential), "every probe and request, in the same order, byte for byte");
    }

    // Everything a plan sends, one line per probe: kind, names, stage, lane, skip reason and each request whole.
    internal static List<string> Describe(Plan plan) => [.. plan.Probes.Select(p =>
        $"{p.Name} | {p.Stage} {p.Lane} | {p.SkipReason} | {p.Creates} {p.IdFrom} | " + string.Join(" ; ", p.Requests.Select(r =>
            $"{r.Method} {r.PreviewPath} {string.Join("&", r.Query.Select(q => q.Key + "=" + q.Value))} {string.Join(",", r.Headers.Select(h => h.Key + ":" + h.Value))} {r.ContentType} {(r.Body is null ? "" : Convert.ToBase64String(r.Body))}")))];

    [Test]
    public void Load_Kubernetes_LibraryUniqueItemsNoiseIsNotReported()
    {
        var spec = new SpecLoader().Load(SharedData.Require("specs/kubernetes-swagger.json"));

        Assert.That(spec.Warnings.Where(w => w.Message.Contains("uniqueItems")), Is.Empty);
        Assert.That(spec.Operations, Has.Count.EqualTo(1123));
    }

    [Test]
    public void Load_PetstoreSeparate_WholeFileRefsBecomeSchemas()
    {
        var spec = new SpecLoader().Load(SharedData.Require("specs/petstore-separate-2.0/spec/swagger.yaml"));

        var list = spec.Operations.Single(o => o.Key == "GET /pets");
        var item = list.Model.Responses!["200"].Content!["application/json"].Schema!.Items!;
        Assert.That(item.Properties!.Keys, Is.EquivalentTo(new[] { "id", "name", "tag" }));
        Assert.That(list.Parameters.Select(p => p.Name), Is.EquivalentTo(new[] { "tags", "limit" }));
        var error = list.Model.Responses["default"].Content!["application/json"].Schema!;
        Assert.That(error.Required, Is.EquivalentTo(new[] { "code", "message" }));
    }

    [Test]
    public void Load_DigitalOcean_DeepPathPointersResolve()
    {
        var spec = new SpecLoader().Load(SharedData.Require("specs/digitalocean.yaml"));

        Assert.That(UnresolvedReferences(spec), Is.Empty);
        var op = spec.Operations.First(o => o.Key == "GET /v2/1-clicks");
        Assert.That(op.Model.Responses!["401"].Content!["application/json"].Schema!.Properties!.Keys, Does.Contain("id"));
    }

    /// <summary>Pointers of $refs that operations reach but the library could not resolve.</summary>
    public static List<string> UnresolvedReferences(ApiSpec spec)
    {
        var missing = new List<string>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        void Schema(IOpenApiSchema? s)
        {
            if (s is null || !seen.Add(s))
            {
                return;
            }

            if (s is OpenApiSchemaReference { UnresolvedReference: true } r)
            {
                missing.Add(r.Reference.ReferenceV3 ?? "?");
                return;
            }

            foreach (var p in s.Properties?.Values ?? [])
            {
                Schema(p);
            }

            Schema(s.Items);
            Schema(s.AdditionalProperties);
            Schema(s.Not);
            foreach (var x in (s.AllOf ?? []).Concat(s.AnyOf ?? []).Concat(s.OneOf ?? []))
            {
                Schema(x);
            }
        }

        foreach (var op in spec.Operations)
        {
            foreach (var p in op.Parameters)
            {
                Schema(p.Schema);
            }

            if (op.Model.RequestBody is IOpenApiReferenceHolder { UnresolvedReference: true })
            {
                missing.Add(op.Key + " requestBody");
            }

            foreach (var c in op.Model.RequestBody?.Content?.Values ?? [])
            {
                Schema(c.Schema);
            }

            foreach (var (status, response) in op.Model.Responses ?? [])
            {
                if (response is IOpenApiReferenceHolder { UnresolvedReference: true })
                {
                    missing.Add($"{op.Key} {status}");
                    continue;
                }

                foreach (var c in response.Content?.Values ?? [])
                {
                    Schema(c.Schema);
                }
            }
        }

        return missing;
    }
}
