using System.Text.Json.Nodes;
using ContractCheck.Core;
using ContractCheck.Core.Schema;
using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Tests;

/// <summary>
/// A JSON Schema checked with ContractCheck's own validator, loaded the way specs are: embedded as the component
/// <c>S</c> of an OpenAPI document (draft4 as OpenAPI 3.0, later drafts as 3.1) and read by the spec loader, its
/// own references ("#", "#/$defs/x", "#/definitions/x") rebased into the component.
/// </summary>
public sealed class JsonSchemaFile
{
    private JsonSchemaFile(SchemaValidator validator, IOpenApiSchema schema)
    {
        Validator = validator;
        Schema = schema;
    }

    public SchemaValidator Validator { get; }

    public IOpenApiSchema Schema { get; }

    /// <summary>Loads a schema file (its $schema and $id dropped: the embedding says the dialect).</summary>
    public static JsonSchemaFile Load(string path, string openapi = "3.1.0")
    {
        var schema = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        schema.Remove("$schema");
        schema.Remove("$id");
        schema.Remove("id");
        return Embed(schema, openapi, formats: true);
    }

    /// <summary>Embeds a schema; a schema the loader refuses is a <see cref="ContractCheckException"/>.</summary>
    public static JsonSchemaFile Embed(JsonNode schema, string openapi, bool formats)
    {
        var document = new JsonObject
        {
            ["openapi"] = openapi,
            ["info"] = new JsonObject { ["title"] = "schema", ["version"] = "1" },
            ["paths"] = new JsonObject(),
            ["components"] = new JsonObject { ["schemas"] = new JsonObject { ["S"] = Rebase(schema.DeepClone()) } },
        };
        var spec = new SpecLoader().Load(document.ToJsonString(), "schema.json", new Uri("file:///schema.json"));
        IOpenApiSchema? loaded = null;
        spec.Document.Components?.Schemas?.TryGetValue("S", out loaded);
        return loaded is null
            ? throw new ContractCheckException("schema not loaded")
            : new JsonSchemaFile(new SchemaValidator(spec.Document, new ValidationOptions(AssertFormats: formats, MaxErrors: 50)), loaded);
    }

    /// <summary>Every way <paramref name="instance"/> breaks the schema, as "$.path: message (schema location)".</summary>
    public IReadOnlyList<string> Errors(JsonNode? instance) =>
        Validator.Validate(instance, Schema).Select(e => $"{e.InstancePath}: {e.Message} ({e.SchemaLocation})").ToList();

    // The schema's own references become references inside the component (data under enum, const, default and
    // examples is left alone).
    private static JsonNode? Rebase(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "$ref" && value is JsonValue v && v.TryGetValue(out string? reference) && reference.StartsWith('#'))
                    {
                        obj[key] = "#/components/schemas/S" + reference[1..];
                    }
                    else if (key is not ("enum" or "const" or "default" or "examples") || obj.Parent is JsonObject { } parent && parent.TryGetPropertyValue("properties", out var props) && ReferenceEquals(props, obj))
                    {
                        Rebase(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Rebase(item);
                }

                break;
        }

        return node;
    }
}
