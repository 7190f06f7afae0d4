using System.Text.Json.Nodes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Core.Yaml;
using ContractCheck.Tests;

namespace ContractCheck.Core.Tests.Rules;

/// <summary>
/// The rules file's JSON Schema is generated from the vocabulary the parser reads: the shipped file is the generated one,
/// every key the loader accepts is in it (and a misspelt one is refused by both), and every real rules file validates.
/// </summary>
public class RulesSchemaTests
{
    private static readonly string Shipped = Repository.Path("rules", RulesSchema.FileName);

    // The shipped schema (the same as the generated one: RulesSchemaTests checks it), with the project's own validator.
    private static readonly Lazy<JsonSchemaFile> Schema = new(() => JsonSchemaFile.Load(Repository.Path("rules", RulesSchema.FileName)));

    [Test]
    public void Shipped_IsTheSchemaTheVocabularyGenerates()
    {
        Golden.AssertFile(RulesSchema.Generate(), Shipped);
    }

    [Test]
    public void EveryKeyOfTheVocabulary_TheLoaderAndTheSchemaBothAccept_AndBothRefuseItMisspelt()
    {
        var root = RulesKeys.Root(Defaults.Vocabulary);
        var loader = new RulesLoader(Defaults.Vocabulary, _ => "x");
        var problems = new List<string>();
        var cases = Cases(root).ToList();
        foreach (var (path, instance, valid) in cases)
        {
            var json = instance!.ToJsonString();
            string? loaderError = null;
            try
            {
                loader.LoadText(json, "case.yaml");
            }
            catch (ContractCheckException e)
            {
                loaderError = e.Message;
            }

            var schemaErrors = Schema.Value.Errors(instance);
            if (valid && (loaderError is not null || schemaErrors.Count > 0))
            {
                problems.Add($"{path}: {json} should be accepted; loader: {loaderError ?? "ok"}; schema: {string.Join("; ", schemaErrors)}");
            }
            else if (!valid && (loaderError is null || schemaErrors.Count == 0))
            {
                problems.Add($"{path}: {json} should be refused; loader: {loaderError ?? "accepted"}; schema: {(schemaErrors.Count == 0 ? "accepted" : "refused")}");
            }
        }

        Assert.That(cases.Count(c => c.Valid), Is.GreaterThan(100), "every key of every mapping is tried");
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void EveryProbeOption_HasAType()
    {
        var untyped = Defaults.Vocabulary.ProbeOptions.SelectMany(p => p.Value.Select(o => (Probe: p.Key, Option: o)))
            .Where(o => RulesKeys.ProbeOptions.All(k => k.Name != o.Option)).Select(o => $"probes.{o.Probe}.{o.Option}");

        Assert.That(untyped, Is.Empty, "declare the type of each probe option in RulesKeys.ProbeOptions (the schema and init read it)");
    }

    public static IEnumerable<TestCaseData> RealRulesFiles() =>
        new[] { ("rules", "*.yaml", false), ("examples", "contractcheck.yaml", true), (Path.Combine("tests", "realworld"), "contractcheck.yaml", true) }
            .SelectMany(d => Directory.GetFiles(Repository.Path(d.Item1), d.Item2, d.Item3 ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetRelativePath(Repository.Root, f)).SetName("RealRulesFile_ValidatesAgainstTheSchema(" + Path.GetRelativePath(Repository.Root, f) + ")"));

    [TestCaseSource(nameof(RealRulesFiles))]
    public void RealRulesFile_ValidatesAgainstTheSchema(string file)
    {
        var path = Repository.Path(file);
        var instance = YamlToJson.Convert(YamlReader.Read(File.ReadAllText(path), path), path);

        Assert.That(Schema.Value.Errors(instance), Is.Empty);
        Assert.DoesNotThrow(() => new RulesLoader(Defaults.Vocabulary, _ => "x").Load(path), "the loader reads it too");
    }

    [Test]
    public void Schema_RefusesWhatTheLoaderRefuses()
    {
        foreach (var yaml in new[] { "strict: maybe", "conventions: {maxResponseMs: 0}", "rateLimit: [{operation: x, requests: 5}]", "responses: [{status: 201}]", "expect: {happy-path: 2000}", "probes: {bad-json: {maxCases: 3}}" })
        {
            var instance = YamlToJson.Convert(YamlReader.Read(yaml, "x.yaml"), "x.yaml");

            Assert.That(Schema.Value.Errors(instance), Is.Not.Empty, yaml);
            Assert.Throws<ContractCheckException>(() => new RulesLoader(Defaults.Vocabulary).LoadText(yaml, "x.yaml"), yaml);
        }
    }

    // For each key at every depth: a file that uses it (valid), and one that misspells it (refused).
    private static IEnumerable<(string Path, JsonNode? Instance, bool Valid)> Cases(RuleShape shape)
    {
        switch (shape)
        {
            case RuleShape.Map map:
                foreach (var key in map.Keys.Where(k => !k.Refused))
                {
                    yield return (key.Name, With(map, key.Name, Sample(key.Shape, key.Name)), true);
                    yield return (key.Name + " misspelt", With(map, key.Name + "zz", Sample(key.Shape, key.Name)), false);
                    foreach (var (path, inner, valid) in Cases(key.Shape))
                    {
                        yield return (key.Name + "." + path, With(map, key.Name, inner), valid);
                    }
                }

                break;
            case RuleShape.Named named:
                foreach (var (path, inner, valid) in Cases(named.Values))
                {
                    yield return (named.ExampleKey + "." + path, new JsonObject { [named.ExampleKey] = inner }, valid);
                }

                break;
            case RuleShape.List list:
                foreach (var (path, inner, valid) in Cases(list.Item))
                {
                    yield return ("[0]." + path, new JsonArray(inner), valid);
                }

                break;
            case RuleShape.Either either:
                foreach (var option in either.Options)
                {
                    foreach (var c in Cases(option))
                    {
                        yield return c;
                    }
                }

                break;
        }
    }

    // The mapping with what it needs (its required keys, one of its at-least-one keys) and this key.
    private static JsonObject With(RuleShape.Map map, string name, JsonNode? value)
    {
        var obj = (JsonObject)Sample(map, "")!;
        obj[name] = value;
        return obj;
    }

    private static JsonNode? Sample(RuleShape shape, string name) => shape switch
    {
        RuleShape.Map map when ReferenceEquals(map, RulesKeys.Conditions) => new JsonObject { ["headers"] = new JsonArray("X-Request-Id") },
        RuleShape.Map map => new JsonObject(map.Keys.Where(k => k.Required || map.AtLeastOne.Take(1).Contains(k.Name))
            .Select(k => KeyValuePair.Create(k.Name, Sample(k.Shape, k.Name)))),
        RuleShape.Named named => new JsonObject { [named.ExampleKey] = Sample(named.Values, named.ExampleKey) },
        RuleShape.List list => new JsonArray(Sample(list.Item, name)),
        RuleShape.Either either => Sample(either.Options[0], name),
        RuleShape.Scalar scalar => scalar switch
        {
            _ when name == "extends" => "builtin:http",
            { Words: [var first, ..], Kind: ScalarKind.Integer } => int.Parse(first),
            { Words: [var first, ..] } => first,
            { Pattern: not null } => "#/components/schemas/Error",
            { Kind: ScalarKind.Integer } => scalar.Minimum ?? 1,
            { Kind: ScalarKind.Boolean } => true,
            { Kind: ScalarKind.Duration } => "2s",
            { Kind: ScalarKind.Status } => 404,
            { Kind: ScalarKind.JsonPath } => "$.id",
            { Kind: ScalarKind.Date } => "2027-06-30",
            { Kind: ScalarKind.Selector } => "getTodo",
            _ => "x",
        },
        _ => null,
    };
}
