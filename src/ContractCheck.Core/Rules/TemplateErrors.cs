using Microsoft.OpenApi;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Rules;

/// <summary>
/// The error shape <c>contractcheck init</c> proposes: the schema component named like an error (Error, Problem,
/// ErrorResponse, …) that the spec's 4xx/5xx responses use most, else the schema they use most, with the media types
/// they come as.
/// </summary>
/// <param name="Schema">The pointer to the proposed schema, or null.</param>
/// <param name="Active">True when every 4xx/5xx response with a JSON body uses it: written out; else commented out, as
/// holding every error to a schema some errors do not use would fail the run on what the spec allows.</param>
/// <param name="Why">Where the proposal comes from, for the comment above it.</param>
/// <param name="ContentTypes">The JSON media types the error responses come as, most used first.</param>
internal sealed record TemplateErrors(string? Schema, bool Active, string Why, IReadOnlyList<string> ContentTypes)
{
    public static TemplateErrors Find(ApiSpec spec)
    {
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        var types = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var documented = 0;
        var withSchema = 0;
        foreach (var operation in spec.Operations)
        {
            foreach (var (status, response) in operation.Model.Responses ?? [])
            {
                if (!(status.StartsWith('4') || status.StartsWith('5') || status == "default"))
                {
                    continue;
                }

                documented++;
                foreach (var (type, media) in response.Content ?? new Dictionary<string, IOpenApiMediaType>())
                {
                    types[type] = types.GetValueOrDefault(type) + 1;
                    if (media.Schema is not null && MediaTypes.IsJson(type))
                    {
                        withSchema++;
                    }
                    if (media.Schema is OpenApiSchemaReference { Reference.Id: { } id })
                    {
                        used[id] = used.GetValueOrDefault(id) + 1;
                    }
                }
            }
        }

        var components = spec.Document.Components?.Schemas?.Keys.ToList() ?? [];
        var named = components.Where(LooksLikeError).OrderByDescending(n => used.GetValueOrDefault(n)).ThenBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).FirstOrDefault();
        var mostUsed = used.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).FirstOrDefault();
        var contentTypes = types.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key)
            .Where(t => MediaTypes.IsJson(t)).ToList();
        var schema = named is not null && used.ContainsKey(named) ? named : mostUsed ?? named;
        var uses = schema is null ? 0 : used.GetValueOrDefault(schema);
        var why = schema is null ? "the spec names no error schema"
            : uses == 0 ? "a schema named like an error; no documented 4xx/5xx response uses it"
            : $"used by {uses} of the {withSchema} documented 4xx/5xx JSON bodies" + (uses < withSchema ? "; the others use other schemas, so it is left commented out: write one schema that covers them all (anyOf)" : "");
        return new TemplateErrors(schema is null ? null : "#/components/schemas/" + schema, uses > 0 && uses == withSchema, why, contentTypes);
    }

    private static bool LooksLikeError(string name) =>
        name.Contains("error", StringComparison.OrdinalIgnoreCase) || name.Contains("problem", StringComparison.OrdinalIgnoreCase);
}
