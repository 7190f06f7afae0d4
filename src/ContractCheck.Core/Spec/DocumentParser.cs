using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractCheck.Core.Yaml;

namespace ContractCheck.Core.Spec;

/// <summary>Parses a document's text as JSON (when it starts with '{' or '[') or YAML into a <see cref="JsonNode"/>.</summary>
public static class DocumentParser
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        MaxDepth = YamlReader.MaxDepth,
        AllowDuplicateProperties = false,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
    };

    public static JsonNode? Parse(string text, string fileName) => Parse(text, fileName, false, out _);

    /// <summary>
    /// Parses the document and says where its paths and operations start: always for YAML (the tree has the positions),
    /// for JSON only when <paramref name="jsonLines"/> asks (a second scan of the text, a fifth of the parse's time).
    /// </summary>
    public static JsonNode? Parse(string text, string fileName, bool jsonLines, out SourceLines lines)
    {
        var start = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (start.Length > 0 && start[0] is '{' or '[')
        {
            var json = ParseJson(text, fileName);
            lines = jsonLines ? SourceLines.FromJson(text) : SourceLines.None;
            return json;
        }

        // Aliases may repeat parts of a document, not blow it up: the expansion is bounded by its own size.
        var tree = YamlReader.Read(text, fileName, out var nodes);
        lines = SourceLines.FromYaml(tree);
        return YamlToJson.Convert(tree, fileName, Math.Max(1_000_000, nodes * 50));
    }

    public static JsonNode? ParseJson(string text, string fileName)
    {
        try
        {
            var node = JsonNode.Parse(text, null, JsonOptions);
            return node;
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut < 0)
            {
                cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            }

            if (cut > 0)
            {
                message = message[..cut];
            }

            var hint = message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? $"the document nests deeper than {YamlReader.MaxDepth} levels; flatten it"
                : "fix the JSON syntax at that place";
            throw new ContractCheckException(
                "not valid JSON: " + message.TrimEnd('.'),
                new SourceLocation(fileName, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1),
                hint);
        }
    }

    /// <summary>Decodes bytes as UTF-8 (BOM allowed), refusing binary input with a clear message.</summary>
    public static string Decode(byte[] bytes, string fileName)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new ContractCheckException("the file is not UTF-8 text", new SourceLocation(fileName), "save the document as UTF-8");
        }
    }
}
