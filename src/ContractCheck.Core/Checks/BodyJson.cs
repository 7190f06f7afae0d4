using System.Text.Json;
using System.Text.Json.Nodes;
using ContractCheck.Core.Execution;

namespace ContractCheck.Core.Checks;

/// <summary>Reads a body as JSON for the checks, all with the same limits.</summary>
internal static class BodyJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 512 };

    /// <summary>The body as JSON, or null when it is empty or not JSON.</summary>
    public static JsonNode? TryParse(byte[]? body)
    {
        try
        {
            return body is { Length: > 0 } ? JsonNode.Parse(body, null, Options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The body as JSON for the schema checks, or why it is none: an empty body and broken JSON told apart.</summary>
    public static (JsonNode? Value, string? Problem) Parse(ReceivedResponse response)
    {
        if (response.Body.Length == 0)
        {
            return (null, "the body is empty");
        }

        try
        {
            return (JsonNode.Parse(response.Body, null, Options), null);
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            return (null, "the body is not valid JSON (" + (cut > 0 ? message[..cut] : message).TrimEnd('.') + ")");
        }
    }
}
