using System.Text;
using System.Text.Json;
using ContractCheck.Core.Yaml;

namespace ContractCheck.Core.Spec;

/// <summary>
/// Where each path and operation of the spec document starts (1-based line), kept by the loader for reports that point
/// into the spec (SARIF's locations). Read from the YAML tree's positions, or by one scan of a JSON document's tokens.
/// A path whose operations come from another file by <c>$ref</c> has only its own line.
/// </summary>
public sealed class SourceLines
{
    private readonly Dictionary<string, int> _lines;

    private SourceLines(Dictionary<string, int> lines)
    {
        _lines = lines;
    }

    public static SourceLines None { get; } = new([]);

    /// <summary>The line of the operation (method lower- or upper-case), else of its path, else null.</summary>
    public int? Of(string path, string? method = null) =>
        method is not null && _lines.TryGetValue(Key(path, method), out var line) ? line
        : _lines.TryGetValue(path, out var pathLine) ? pathLine
        : null;

    public int Count => _lines.Count;

    internal static SourceLines FromYaml(YNode? root)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        if (root is YMapping document && document["paths"] is YMapping paths)
        {
            foreach (var (path, item) in paths.Entries)
            {
                lines[path.Value] = path.Line;
                foreach (var (method, _) in (item as YMapping)?.Entries ?? [])
                {
                    lines[Key(path.Value, method.Value)] = method.Line;
                }
            }
        }

        return new SourceLines(lines);
    }

    /// <summary>One pass over the tokens: the keys under the top-level <c>paths</c> and the keys under each of them.</summary>
    internal static SourceLines FromJson(string text)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = YamlReader.MaxDepth });
        int line = 1, counted = 0;
        string? path = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth is < 1 or > 3)
                {
                    continue;
                }

                var name = reader.GetString()!;
                if (reader.CurrentDepth == 1)
                {
                    if (name != "paths")
                    {
                        reader.Read();
                        reader.Skip();
                    }

                    continue;
                }

                var at = (int)reader.TokenStartIndex;
                line += bytes.AsSpan(counted, at - counted).Count((byte)'\n');
                counted = at;
                if (reader.CurrentDepth == 2)
                {
                    path = name;
                    lines[name] = line;
                }
                else
                {
                    lines[Key(path!, name)] = line;
                }

                reader.Read();
                if (reader.CurrentDepth == 3)
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // The document parsed before this scan; anything odd here only costs the line numbers.
        }

        return new SourceLines(lines);
    }

    private static string Key(string path, string method) => path + " " + method.ToLowerInvariant();
}
