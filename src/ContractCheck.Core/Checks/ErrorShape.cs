using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ContractCheck.Core.Checks;

/// <summary>
/// The team's error shape from <c>errors</c> in the rules, resolved against the spec: the schema every
/// 4xx/5xx body must match and the media types it may come as.
/// </summary>
public sealed record ErrorShape(IOpenApiSchema? Schema, string? SchemaName, IReadOnlyList<string> ContentTypes)
{
    public static ErrorShape None { get; } = new(null, null, []);

    public bool IsSet => Schema is not null || ContentTypes.Count > 0;

    /// <summary>Resolves <c>errors.schema</c> (a $ref into the spec, or inline); a $ref the spec lacks is an error at its place in the rules.</summary>
    public static ErrorShape From(ErrorSettings settings, ApiSpec spec)
    {
        if (settings.SchemaRef is { } reference)
        {
            var name = Pointer.Split(reference) is [.., var last] ? last : reference;
            var schemas = spec.Document.Components?.Schemas;
            var isComponent = reference.StartsWith("#/components/schemas/", StringComparison.Ordinal) || reference.StartsWith("#/definitions/", StringComparison.Ordinal);
            if (!isComponent || schemas is null || !schemas.TryGetValue(name, out var schema))
            {
                var close = schemas is null ? null : DidYouMean.Closest(name, schemas.Keys);
                throw new ContractCheckException(
                    $"errors.schema '{reference}' is not a schema of the spec",
                    settings.Location,
                    close is not null ? $"did you mean \"#/components/schemas/{close}\"?" : "name a schema under components/schemas (definitions in Swagger 2.0), or write the schema inline");
            }

            return new ErrorShape(schema, reference, settings.ContentTypes);
        }

        if (settings.InlineSchema is { } inline)
        {
            var schema = new OpenApiJsonReader().ReadFragment<OpenApiSchema>(inline, OpenApiSpecVersion.OpenApi3_1, spec.Document, out _, new OpenApiReaderSettings());
            return new ErrorShape(schema, "errors.schema (inline)", settings.ContentTypes);
        }

        return new ErrorShape(null, null, settings.ContentTypes);
    }
}
