using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractCheck.Core.Spec;

/// <summary>Reads and checks the version field of an OpenAPI or Swagger document.</summary>
public static class SpecVersion
{
    /// <summary>True for Swagger 2.0, as <see cref="Detect"/> writes it.</summary>
    public static bool IsSwagger2(string version) => version.StartsWith('2');

    /// <summary>True for OpenAPI 3.1 and later: full JSON Schema (type arrays, numeric exclusive bounds, const, boolean schemas).</summary>
    public static bool Is31OrLater(string version) => !IsSwagger2(version) && !version.StartsWith("3.0", StringComparison.Ordinal);

    public static string Detect(JsonObject root, string source)
    {
        if (root["openapi"] is { } openapi)
        {
            var version = Text(openapi);
            if (version is not null && (version.StartsWith("3.0", StringComparison.Ordinal) || version.StartsWith("3.1", StringComparison.Ordinal) || version.StartsWith("3.2", StringComparison.Ordinal)))
            {
                if (openapi.GetValueKind() != JsonValueKind.String)
                {
                    root["openapi"] = version;
                }

                return version;
            }

            throw new ContractCheckException(
                $"unsupported OpenAPI version '{version ?? openapi.ToJsonString()}'",
                new SourceLocation(source, Pointer: "/openapi"),
                "ContractCheck reads OpenAPI 3.0, 3.1 and 3.2 (and Swagger 2.0); write the version as a quoted string such as \"3.0.3\"");
        }

        if (root["swagger"] is { } swagger)
        {
            var version = Text(swagger);
            if (version is "2.0" or "2")
            {
                root["swagger"] = "2.0";
                return "2.0";
            }

            throw new ContractCheckException(
                $"unsupported Swagger version '{version ?? swagger.ToJsonString()}'",
                new SourceLocation(source, Pointer: "/swagger"),
                "ContractCheck reads Swagger 2.0 and OpenAPI 3.x; convert older documents to 2.0 or later");
        }

        throw new ContractCheckException(
            "this is not an OpenAPI document: it has no 'openapi' or 'swagger' field",
            new SourceLocation(source, Pointer: "/"),
            "point --spec at the API's OpenAPI document (it starts with 'openapi: 3.x' or 'swagger: \"2.0\"')");
    }

    private static string? Text(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.Number => node.ToJsonString(),
        _ => null,
    };
}
