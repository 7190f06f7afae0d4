using Microsoft.OpenApi;

namespace ContractCheck.Core.Spec;

/// <summary>Whether the spec documents a body for a response.</summary>
public static class ResponseBodies
{
    /// <summary>
    /// True when the response has content with a schema. A Swagger 2.0 response without a schema is read with the
    /// document's produces types and no schema: that documents no body either.
    /// </summary>
    public static bool DocumentsBody(this IOpenApiResponse response) =>
        response.Content is { Count: > 0 } content && content.Values.Any(m => m?.Schema is not null);
}
