using System.Text.Json.Nodes;
using ContractCheck.Core.Schema;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Checks;

/// <summary>response-headers: headers the spec marks required for the status are present, and every documented header matches its schema.</summary>
public sealed class DocumentedHeadersPresent : ICheck
{
    public const string CheckId = "response-headers";
    private const string Title = "Documented response header missing or invalid";

    public string Id => CheckId;

    public string Description => "headers the spec marks required for the status are present, and documented headers match their schema";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var headers = context.Documented?.Headers;
        if (headers is not { Count: > 0 })
        {
            yield break;
        }

        var validator = context.ResponseValidator;
        var any = false;
        foreach (var (name, header) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                continue; // OpenAPI: a Content-Type header definition is ignored
            }

            var source = $"the spec, {context.Operation.Key} {context.DocumentedKey} headers.{name}";
            var value = context.Response.Header(name);
            if (value is null)
            {
                if (header.Required)
                {
                    any = true;
                    yield return Finding.Fail(Id, Title, $"{context.Response.Status}: the required header {name} is missing", $"header {name}", "no such header", source);
                }

                continue;
            }

            any = true;
            if (header.Schema is { } schema && validator.Validate(Typed(value, schema), schema).FirstOrDefault() is { } error)
            {
                yield return Finding.Fail(Id, Title, $"{context.Response.Status}: header {name}: {error.Message}", $"{name} matching its schema", value, source);
            }
        }

        if (any)
        {
            yield return Finding.Pass(Id, Title);
        }
    }

    // Header text read as the schema's type ("simple" style): numbers, booleans, comma-separated arrays.
    private static JsonNode? Typed(string text, IOpenApiSchema schema)
    {
        var kind = ValueGenerator.Kind(schema);
        return kind switch
        {
            JsonSchemaType.Integer or JsonSchemaType.Number when decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            JsonSchemaType.Boolean when bool.TryParse(text, out var b) => JsonValue.Create(b),
            JsonSchemaType.Array => new JsonArray(text.Split(',').Select(p => (JsonNode?)JsonValue.Create(p.Trim())).ToArray()),
            _ => JsonValue.Create(text),
        };
    }
}
