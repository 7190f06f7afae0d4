using ContractCheck.Core.Spec;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Core.Tests.Spec;

public class SpecLoaderTests
{
    private const string Minimal = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /items:
            get:
              operationId: listItems
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Items'}
        components:
          schemas:
            Items: {type: array, items: {type: string}}
        """;

    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "cc-spec-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, true);

    [Test]
    public void Load_Yaml_ListsOperations()
    {
        var spec = new SpecLoader().Load(Minimal, "t.yaml");

        Assert.That(spec.Operations.Select(o => o.DisplayName), Is.EqualTo(new[] { "GET /items (listItems)" }));
        Assert.That(spec.Version, Is.EqualTo("3.0.3"));
        Assert.That(spec.Warnings, Is.Empty);
    }

    [Test]
    public void Load_UnresolvedRef_IsAWarningNamingItsPointer()
    {
        var spec = new SpecLoader().Load(Minimal.Replace("#/components/schemas/Items", "#/components/schemas/Nope"), "t.yaml");

        var warning = spec.Warnings.Single();
        Assert.That(warning.Pointer, Is.EqualTo("/paths/~1items/get/responses/200/content/application~1json/schema"));
        Assert.That(warning.Message, Does.Contain("#/components/schemas/Nope"));
    }

    [Test]
    public void Load_ReferenceToADirectory_IsAWarningNotACrash()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "schemas"));
        var spec = new SpecLoader().Load(Minimal.Replace("#/components/schemas/Items", "schemas#/Items"), Path.Combine(_dir, "api.yaml"));

        Assert.That(spec.Warnings.Single().ToString(), Does.Contain("was not followed").And.Contain("is a directory").And.Contain("#/paths/~1items/get"));
    }

    [Test]
    public void Load_MissingExternalFile_IsAWarningNamingItsPointer()
    {
        var spec = new SpecLoader().Load(Minimal.Replace("#/components/schemas/Items", "missing.yaml#/Items"), Path.Combine(_dir, "api.yaml"));

        Assert.That(spec.Warnings.Single().ToString(), Does.Contain("missing.yaml").And.Contain("#/paths/~1items/get"));
    }

    [Test]
    public void Load_ExternalFileRef_IsBundledAsComponent()
    {
        File.WriteAllText(Path.Combine(_dir, "schemas.yaml"), "Item:\n  type: object\n  required: [name]\n  properties:\n    name: {type: string}\n    parent: {$ref: '#/Item'}\n");
        File.WriteAllText(Path.Combine(_dir, "api.yaml"), Minimal.Replace("#/components/schemas/Items", "schemas.yaml#/Item"));

        var spec = new SpecLoader().Load(Path.Combine(_dir, "api.yaml"));

        var schema = spec.Operations[0].Model.Responses!["200"].Content!["application/json"].Schema!;
        Assert.That(schema.Required, Is.EquivalentTo(new[] { "name" }));
        Assert.That(schema.Properties!["parent"].Properties!.Keys, Does.Contain("name"), "recursion stays a resolvable reference");
        Assert.That(spec.Warnings, Is.Empty);
    }

    [Test]
    public void Load_WrongKeywordInAnExternalFile_NamesThatFileAndItsPointer()
    {
        File.WriteAllText(Path.Combine(_dir, "schemas.yaml"), "Item:\n  type: object\n  properties:\n    name: {type: string, minLength: short}\n");
        File.WriteAllText(Path.Combine(_dir, "api.yaml"), Minimal.Replace("#/components/schemas/Items", "schemas.yaml#/Item"));

        var e = Assert.Throws<ContractCheckException>(() => new SpecLoader().Load(Path.Combine(_dir, "api.yaml")))!;

        Assert.That(e.Message, Is.EqualTo("'minLength' must be a whole number of 0 or more, not \"short\""));
        Assert.That(e.Location!.File, Is.EqualTo(Path.Combine(_dir, "schemas.yaml")));
        Assert.That(e.Location.Pointer, Is.EqualTo("/Item/properties/name/minLength"));
    }

    [TestCase("just: text\n", "no 'openapi' or 'swagger' field")]
    [TestCase("openapi: 4.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n", "unsupported OpenAPI version '4.0.0'")]
    [TestCase("swagger: '1.2'\n", "unsupported Swagger version '1.2'")]
    [TestCase("- a\n- b\n", "top level must be a mapping")]
    public void Load_NotUsable_ThrowsWithPlace(string text, string message)
    {
        var e = Assert.Throws<ContractCheckException>(() => new SpecLoader().Load(text, "bad.yaml"))!;

        Assert.That(e.Message, Does.Contain(message));
        Assert.That(e.Location!.File, Is.EqualTo("bad.yaml"));
        Assert.That(e.Hint, Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public void Load_BrokenJson_ErrorHasLineAndColumn()
    {
        var e = Assert.Throws<ContractCheckException>(() => new SpecLoader().Load("{\n  \"openapi\": \"3.0.0\",\n  \"paths\": {,}\n}", "bad.json"))!;

        Assert.That(e.Location!.Line, Is.EqualTo(3));
        Assert.That(e.Message, Does.StartWith("not valid JSON"));
    }

    [Test]
    public void Load_MissingFile_SaysSoWithTheFix()
    {
        var e = Assert.Throws<ContractCheckException>(() => new SpecLoader().Load(Path.Combine(_dir, "nope.yaml")))!;

        Assert.That(e.Message, Does.Contain("does not exist"));
        Assert.That(e.Hint, Does.Contain("--spec"));
    }

    [Test]
    public async Task Load_FromUrl_FollowsRelativeRefsOnTheSameServer()
    {
        await using var server = await TestApi.StartAsync(app =>
        {
            app.MapGet("/specs/api.yaml", () => Results.Text(Minimal.Replace("#/components/schemas/Items", "parts/items.yaml"), "application/yaml"));
            app.MapGet("/specs/parts/items.yaml", () => Results.Text("type: array\nitems: {type: integer}\n", "application/yaml"));
        });

        var spec = new SpecLoader().Load(new Uri(server.BaseUrl, "/specs/api.yaml").ToString());

        var schema = spec.Operations[0].Model.Responses!["200"].Content!["application/json"].Schema!;
        Assert.That(schema.Items!.Type, Is.EqualTo(Microsoft.OpenApi.JsonSchemaType.Integer));
        Assert.That(server.Requests, Is.EqualTo(2));
    }

    [Test]
    public async Task Load_FromUrlThatAnswers404_SaysSo()
    {
        await using var server = await TestApi.StartAsync(_ => { });

        var e = Assert.Throws<ContractCheckException>(() => new SpecLoader().Load(new Uri(server.BaseUrl, "/nope.yaml").ToString()))!;

        Assert.That(e.Message, Does.Contain("answered 404"));
    }

    [Test]
    public void Load_TodoExample_HasItsOperationsAndNoWarnings()
    {
        var spec = new SpecLoader().Load(Repository.Path("examples", "TodoApi", "openapi.yaml"));

        Assert.That(spec.Operations.Select(o => o.OperationId), Is.EquivalentTo(new[] { "health", "login", "listTodos", "createTodo", "getTodo", "updateTodo", "deleteTodo", "createTag", "getTag", "deleteTag", "stats" }));
        Assert.That(spec.Warnings, Is.Empty);
        Assert.That(spec.Operations.Single(o => o.OperationId == "health").RequiresAuth, Is.False);
        Assert.That(spec.Operations.Single(o => o.OperationId == "login").RequiresAuth, Is.False);
        Assert.That(spec.Operations.Single(o => o.OperationId == "getTodo").RequiresAuth, Is.True);
    }

    [Test]
    public void Load_OpenApi32_IsRead()
    {
        var spec = new SpecLoader().Load(Minimal.Replace("openapi: 3.0.3", "openapi: 3.2.0"), "t32.yaml");

        Assert.That(spec.Version, Is.EqualTo("3.2.0"));
        Assert.That(spec.Operations.Single().OperationId, Is.EqualTo("listItems"));
    }

    [Test]
    public void Load_RefKeyInsideAnExample_IsDataNotAReference()
    {
        var spec = new SpecLoader().Load(Minimal.Replace("schema: {$ref: '#/components/schemas/Items'}", "schema: {$ref: '#/components/schemas/Items'}\n              example: [{$ref: 'not/a/reference'}]"), "t.yaml");

        Assert.That(spec.Warnings, Is.Empty);
    }
}

