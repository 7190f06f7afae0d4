using System.Text.Json.Nodes;
using ContractCheck.Core.Schema;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Tests.Probes;

public class ValueGeneratorTests
{
    private static JsonNode? Generate(string schemaYaml, int seed = 1)
    {
        var spec = new SpecLoader().Load($$"""
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                S: {{schemaYaml}}
            """, "g.yaml");
        return new ValueGenerator(new Random(seed)).Generate(spec.Document.Components!.Schemas!["S"]);
    }

    [TestCase("{type: integer, minimum: 10, maximum: 20}", "10")]
    [TestCase("{type: integer, minimum: 5, exclusiveMinimum: true}", "6")]
    [TestCase("{type: integer, maximum: -3}", "-3")]
    [TestCase("{type: integer, multipleOf: 7}", "7")]
    [TestCase("{type: number, minimum: 2.5}", "2.5")]
    [TestCase("{type: boolean}", "true")]
    [TestCase("{type: string, enum: [red, green]}", "\"red\"")]
    [TestCase("{type: string, example: hello}", "\"hello\"")]
    [TestCase("{type: string, default: dflt}", "\"dflt\"")]
    [TestCase("{type: string, format: date}", null)]
    public void Generate_HonoursConstraintsAndExamples(string schema, string? json)
    {
        var value = Generate(schema)!;

        if (json is null)
        {
            Assert.That(value.GetValue<string>(), Does.Match(@"^\d{4}-\d{2}-\d{2}$"));
        }
        else
        {
            Assert.That(value.ToJsonString(), Is.EqualTo(json));
        }
    }

    [Test]
    public void Generate_String_RespectsLengths()
    {
        Assert.That(Generate("{type: string, minLength: 30}")!.GetValue<string>(), Has.Length.GreaterThanOrEqualTo(30));
        Assert.That(Generate("{type: string, maxLength: 3}")!.GetValue<string>(), Has.Length.LessThanOrEqualTo(3));
    }

    [Test]
    public void Generate_Object_HasRequiredPropertiesAndLeavesOutReadOnlyOnes()
    {
        var value = (JsonObject)Generate("{type: object, required: [id, name, tags], properties: {id: {type: integer, readOnly: true}, name: {type: string}, tags: {type: array, items: {type: string, format: email}}, note: {type: string}}}")!;

        Assert.That(value.Select(p => p.Key), Is.EquivalentTo(new[] { "name", "tags" }));
        Assert.That(value["tags"]![0]!.GetValue<string>(), Does.Contain("@"));
    }

    [Test]
    public void Generate_AllOf_MergesTheParts()
    {
        var value = (JsonObject)Generate("{allOf: [{type: object, required: [a], properties: {a: {type: integer}}}, {type: object, required: [b], properties: {b: {type: boolean}}}]}")!;

        Assert.That(value.Select(p => p.Key), Is.EquivalentTo(new[] { "a", "b" }));
    }

    [Test]
    public void Generate_Uuid_IsDeterministicPerSeed()
    {
        Assert.That(Generate("{type: string, format: uuid}", 5)!.ToJsonString(), Is.EqualTo(Generate("{type: string, format: uuid}", 5)!.ToJsonString()));
        Assert.That(Generate("{type: string, format: uuid}", 5)!.ToJsonString(), Is.Not.EqualTo(Generate("{type: string, format: uuid}", 6)!.ToJsonString()));
    }
}
