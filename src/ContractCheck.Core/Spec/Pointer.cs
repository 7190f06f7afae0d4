using System.Text.Json.Nodes;

namespace ContractCheck.Core.Spec;

/// <summary>JSON pointers (RFC 6901): building, splitting and resolving them in a <see cref="JsonNode"/>.</summary>
public static class Pointer
{
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    public static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    /// <summary>Joins escaped segments into a pointer: <c>Of("paths", "/items", "get")</c> is <c>/paths/~1items/get</c>.</summary>
    public static string Of(params string[] segments) => string.Concat(segments.Select(s => "/" + Escape(s)));

    /// <summary>Splits a pointer (with or without a leading '#') into unescaped segments.</summary>
    public static IReadOnlyList<string> Split(string pointer)
    {
        var p = Uri.UnescapeDataString(pointer.TrimStart('#'));
        if (p.Length == 0)
        {
            return [];
        }

        return p.TrimStart('/').Split('/').Select(Unescape).ToArray();
    }

    /// <summary>Finds the node a pointer names, or reports false when any step is missing.</summary>
    public static bool TryResolve(JsonNode? root, string pointer, out JsonNode? target)
    {
        target = root;
        foreach (var segment in Split(pointer))
        {
            switch (target)
            {
                case JsonObject obj when obj.TryGetPropertyValue(segment, out var next):
                    target = next;
                    break;
                case JsonArray arr when int.TryParse(segment, out var i) && i >= 0 && i < arr.Count:
                    target = arr[i];
                    break;
                default:
                    target = null;
                    return false;
            }
        }

        return true;
    }
}
