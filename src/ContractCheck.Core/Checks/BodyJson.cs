using System.Text.Json;
using System.Text.Json.Nodes;
using ContractCheck.Core.Execution;

namespace ContractCheck.Core.Checks;

/// <summary>Reads a response body as JSON for the schema checks, telling an empty body and broken JSON apart.</summary>
internal static class BodyJson
{
    public static (JsonNode? Value, string? Problem) Parse(ReceivedResponse response)
    {
        if (response.Body.Length == 0)
        {
            return (null, "the body is empty");
        }

        try
        {
            return (JsonNode.Parse(response.Body, null, new JsonDocumentOptions { MaxDepth = 512 }), null);
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            return (null, "the body is not valid JSON (" + (cut > 0 ? message[..cut] : message).TrimEnd('.') + ")");
        }
    }
}
