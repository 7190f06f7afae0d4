using ContractCheck.Core.Spec;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ContractCheck.Core.Rules;

/// <summary>
/// The team's error shape from <c>errors</c> in the rules, resolved against the spec when the run is
/// prepared: the schema every 4xx/5xx body must match and the media types it may come as.
/// </summary>
public sealed record ErrorShape(IOpenApiSchema? Schema, string? SchemaName, IReadOnlyList<string> ContentTypes)
{
    public static ErrorShape None { get; } = new(null, null, []);

    public bool IsSet => Schema is not null || ContentTypes.Count > 0;

    /// <summary>
    /// Resolves <c>errors.schema</c> (a $ref to a schema of the spec's components, or inline); a $ref the
    /// spec lacks, or an inline schema the reader refuses, is an error at its place in the rules.
    /// </summary>
    public static ErrorShape From(ErrorSettings settings, ApiSpec spec)
    {
        if (settings.SchemaRef is { } reference)
        {
            var schemas = spec.Document.Components?.Schemas;
            var name = Pointer.Split(reference) switch
            {
                ["components", "schemas", var n] => n,
                ["definitions", var n] => n,
                _ => null,
            };
            if (name is null || schemas is null || !schemas.TryGetValue(name, out var schema))
            {
                var prefix = spec.IsSwagger2 ? "#/definitions/" : "#/components/schemas/";
                var close = schemas is null ? null : DidYouMean.Closest(name ?? Pointer.Split(reference).LastOrDefault() ?? reference, schemas.Keys);
                throw new ContractCheckException(
                    $"errors.schema '{reference}' is not a schema of the spec",
                    settings.Location,
                    close is not null ? $"did you mean \"{prefix}{close}\"?" : $"name a schema as \"{prefix}Name\", or write the schema inline");
            }

            return new ErrorShape(schema, reference, settings.ContentTypes);
        }

        if (settings.InlineSchema is { } inline)
        {
            return new ErrorShape(Inline(inline, spec, settings.Location), "errors.schema (inline)", settings.ContentTypes);
        }

        return new ErrorShape(null, null, settings.ContentTypes);
    }

    private static OpenApiSchema Inline(System.Text.Json.Nodes.JsonNode inline, ApiSpec spec, SourceLocation? location)
    {
        const string Hint = "write it as an OpenAPI schema mapping, such as {type: object, required: [code]}";
        OpenApiSchema? schema;
        OpenApiDiagnostic diagnostic;
        try
        {
            schema = new OpenApiJsonReader().ReadFragment<OpenApiSchema>(inline, OpenApiSpecVersion.OpenApi3_1, spec.Document, out diagnostic, new OpenApiReaderSettings());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The reader throws assorted exception types on input it cannot read.
            throw new ContractCheckException($"errors.schema (inline) could not be read: {e.Message}", location, Hint);
        }

        if (diagnostic.Errors.FirstOrDefault() is { } error)
        {
            throw new ContractCheckException($"errors.schema (inline): {error.Message}{(string.IsNullOrEmpty(error.Pointer) ? "" : $" at {error.Pointer}")}", location, Hint);
        }

        return schema ?? throw new ContractCheckException("errors.schema (inline) is empty", location, Hint);
    }
}
