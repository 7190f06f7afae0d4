using Microsoft.OpenApi;

namespace ContractCheck.Core.Spec;

/// <summary>
/// Guards against references the spec could not resolve: Microsoft.OpenApi's reference objects throw
/// when a member of an unresolved one is read. (The loader reports each unresolved reference once.)
/// </summary>
public static class Resolved
{
    public static bool IsUnresolved(object? element)
    {
        try
        {
            return element is IOpenApiReferenceHolder { UnresolvedReference: true };
        }
        catch (UriFormatException)
        {
            // A reference the library cannot even parse (it throws while resolving): as unresolved as one can be.
            return true;
        }
    }

    /// <summary>The example values of a map, skipping unresolved references and empty entries.</summary>
    public static IEnumerable<System.Text.Json.Nodes.JsonNode> ExampleValues(IDictionary<string, IOpenApiExample>? examples) =>
        (examples?.Values ?? []).Where(e => e is not null && !IsUnresolved(e)).Select(e => e.Value).OfType<System.Text.Json.Nodes.JsonNode>();
}
