using System.Text.Json.Nodes;
using ContractCheck.Core.Schema;
using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Tests.Support;

/// <summary>
/// A standalone JSON Schema document checked with the project's own validator: embedded as a component of an OpenAPI
/// 3.1 document (its own "#/…" references rebased onto the component) and read by the spec loader, as the JSON Schema
/// Test Suite is.
/// </summary>
public sealed class JsonSchemaFile
{
    private readonly SchemaValidator _validator;
    private readonly IOpenApiSchema _schema;

    public JsonSchemaFile(string json)
    {
        var schema = Rebase(JsonNode.Parse(json)!.AsObject());
        schema.Remove("$schema");
        schema.Remove("$id");
        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject { ["title"] = "schema", ["version"] = "1" },
            ["paths"] = new JsonObject(),
            ["components"] = new JsonObject { ["schemas"] = new JsonObject { ["S"] = schema } },
        };
        var spec = new SpecLoader().Load(document.ToJsonString(), "schema.json", new Uri("file:///schema.json"));
        _validator = new SchemaValidator(spec.Document, new ValidationOptions(AssertFormats: true));
        _schema = spec.Document.Components!.Schemas!["S"];
    }

    /// <summary>"$.a.b: expected …" for each error; empty when the instance is valid.</summary>
    public IReadOnlyList<string> Errors(JsonNode? instance) => [.. _validator.Validate(instance, _schema).Select(e => e.ToString())];

    private static JsonObject Rebase(JsonObject node)
    {
        foreach (var (key, value) in node.ToList())
        {
            if (key == "$ref" && value is JsonValue v && v.TryGetValue(out string? reference) && reference.StartsWith('#'))
            {
                node[key] = "#/components/schemas/S" + reference[1..];
            }
            else if (value is JsonObject child && key is not ("default" or "enum" or "const" or "examples"))
            {
                Rebase(child);
            }
            else if (value is JsonArray array && key is not ("default" or "enum" or "examples"))
            {
                foreach (var item in array.OfType<JsonObject>())
                {
                    Rebase(item);
                }
            }
        }

        return node;
    }
}
