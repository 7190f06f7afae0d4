using System.Text.Json.Nodes;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Schema;
using ContractCheck.Core.Spec;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Tests.Schema;

/// <summary>
/// Properties of the generator and the mutation list, over every JSON request body of real specs:
/// every generated value validates, and every mutation fails validation for the reason it names
/// (its keyword, at its place).
/// </summary>
public class GeneratorPropertyTests
{
    [TestCase("petstore31.yaml")]
    [TestCase("apideck-crm.openapi.yml")]
    [TestCase("digitalocean.yaml")]
    [TestCase("github-api.json")]
    [TestCase("discord-openapi.json")]
    [TestCase("stripe-spec3.json")]
    [TestCase("kubernetes-swagger.json")]
    public void RequestBodies_GeneratedValuesValidate_MutationsFailForTheirReason(string file)
    {
        var spec = CorpusSpecs.Get(file);
        var (bodies, mutations, problems) = Exercise(spec, seed: 1);

        TestContext.Progress.WriteLine($"generator on {file}: {bodies} request bodies generated valid, {mutations} mutations each failing for its named reason");
        Assert.That(problems, Is.Empty);
        Assert.That(bodies, Is.GreaterThan(0));
    }

    [Test]
    public void TodoApi_GeneratedValuesValidate_MutationsFailForTheirReason()
    {
        var spec = new SpecLoader().Load(Repository.Path("examples", "TodoApi", "openapi.yaml"));

        var (bodies, mutations, problems) = Exercise(spec, seed: 3);

        Assert.That(problems, Is.Empty);
        Assert.That((bodies, mutations), Is.EqualTo((4, 34)), "NewTodo 7 cases, TodoUpdate 8, Credentials 10, Tag 9");
    }

    [Test]
    public void Mutations_NewTodo_OneCasePerBrokenRule()
    {
        var spec = new SpecLoader().Load(Repository.Path("examples", "TodoApi", "openapi.yaml"));
        var schema = spec.Document.Components!.Schemas!["NewTodo"];

        var cases = new Mutations(spec.Document).For(schema, JsonNode.Parse("{\"title\":\"Write\",\"done\":false}"));

        Assert.That(cases.Select(c => $"{c.Keyword} {c.Pointer}: {c.Description}"), Is.EquivalentTo(new[]
        {
            "type : the body is a list instead of an object",
            "required : required property 'title' removed",
            "additionalProperties /unexpectedProperty: unknown property 'unexpectedProperty' added",
            "type /title: 'title' has the wrong type (a number instead of string)",
            "minLength /title: 'title' is shorter than 1 characters",
            "maxLength /title: 'title' is longer than 200 characters",
            "type /done: 'done' has the wrong type (a number instead of boolean)",
        }));
    }

    [Test]
    public void Generate_SameSeed_SameValues()
    {
        var spec = CorpusSpecs.Get("github-api.json");
        string All(int seed) => string.Join("\n", Bodies(spec).Select(b => new ValueGenerator(new Random(seed), spec.Document).Generate(b.Schema)?.ToJsonString()));

        Assert.That(All(7), Is.EqualTo(All(7)));
        Assert.That(All(7), Is.Not.EqualTo(All(8)));
    }

    [TestCase("^[a-z]{3}-\\d{4}$")]
    [TestCase("^(foo|bar)+_[A-Z0-9]{2,5}$")]
    [TestCase("^\\+?[1-9]\\d{1,14}$")]
    [TestCase("^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$")]
    [TestCase("^(?:[01]\\d|2[0-3]):[0-5]\\d$")]
    [TestCase("sku-\\d+")]
    public void RegexGenerator_MakesAMatchingString(string pattern)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var text = RegexGenerator.Generate(pattern, new Random(seed));

            Assert.That(text, Is.Not.Null);
            Assert.That(EcmaRegex.Get(pattern)!.IsMatch(text!), Is.True, text);
        }
    }

    private static (int Bodies, int Mutations, List<string> Problems) Exercise(ApiSpec spec, int seed)
    {
        var validator = new SchemaValidator(spec.Document, new ValidationOptions(ValidationDirection.Request));
        var mutator = new Mutations(spec.Document);
        var problems = new List<string>();
        int bodies = 0, mutations = 0;
        foreach (var (operation, schema) in Bodies(spec))
        {
            var value = new ValueGenerator(new Random(seed), spec.Document).Generate(schema);
            var errors = validator.Validate(value, schema);
            if (errors.Count > 0)
            {
                problems.Add($"{operation.Key}: generated value is invalid: {errors[0]} ({errors[0].SchemaLocation})");
                continue;
            }

            bodies++;
            foreach (var mutation in mutator.For(schema, value))
            {
                mutations++;
                var why = validator.Validate(mutation.Value, schema);
                if (!why.Any(e => e.InstancePointer == mutation.Pointer && e.SchemaLocation.EndsWith("/" + mutation.Keyword, StringComparison.Ordinal)))
                {
                    problems.Add($"{operation.Key}: mutation '{mutation.Description}' fails for other reasons: {string.Join("; ", why)}");
                }
            }
        }

        return (bodies, mutations, problems);
    }

    private static IEnumerable<(ApiOperation Operation, IOpenApiSchema Schema)> Bodies(ApiSpec spec) =>
        spec.Operations
            .Select(o => (Operation: o, Type: RequestBuilder.BodyMediaType(o)))
            .Where(x => x.Type is not null && x.Operation.Model.RequestBody!.Content![x.Type].Schema is not null)
            .Select(x => (x.Operation, x.Operation.Model.RequestBody!.Content![x.Type!].Schema!));
}
