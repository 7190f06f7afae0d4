using System.Text;

namespace ContractCheck.Core.Spec;

/// <summary>
/// A path template such as <c>/todos/{id}/tags/{tag}</c>, split into literal text and parameter names,
/// for expanding it with values and matching concrete paths (a Location header) against it.
/// </summary>
public sealed class PathTemplate
{
    private readonly IReadOnlyList<(string Text, bool IsParameter)> _parts;

    private PathTemplate(string template, IReadOnlyList<(string Text, bool IsParameter)> parts)
    {
        Template = template;
        _parts = parts;
    }

    public string Template { get; }

    public IEnumerable<string> ParameterNames => _parts.Where(p => p.IsParameter).Select(p => p.Text);

    /// <summary>True when the last segment of the path is a parameter: <c>/todos/{id}</c> names one item.</summary>
    public bool EndsWithParameter => _parts.Count > 0 && _parts[^1].IsParameter;

    public static PathTemplate Parse(string template) =>
        Parsed.TryGetValue(template, out var known) ? known
        : TryParse(template, out var parsed, out var problem) ? Parsed.GetOrAdd(template, parsed) : throw new FormatException(problem);

    // Templates are parsed again and again while planning (per operation, probe kind and request); they are immutable.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PathTemplate> Parsed = new(StringComparer.Ordinal);

    public static bool TryParse(string template, out PathTemplate parsed, out string problem)
    {
        var parts = new List<(string, bool)>();
        var text = new StringBuilder();
        parsed = null!;
        problem = "";
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{')
            {
                var close = template.IndexOf('}', i + 1);
                if (close < 0)
                {
                    problem = "'{' without a closing '}'";
                    return false;
                }

                var name = template[(i + 1)..close];
                if (name.Length == 0 || name.Contains('{', StringComparison.Ordinal))
                {
                    problem = "empty or nested parameter name";
                    return false;
                }

                if (text.Length > 0)
                {
                    parts.Add((text.ToString(), false));
                    text.Clear();
                }

                parts.Add((name, true));
                i = close;
            }
            else if (c == '}')
            {
                problem = "'}' without an opening '{'";
                return false;
            }
            else
            {
                text.Append(c);
            }
        }

        if (text.Length > 0)
        {
            parts.Add((text.ToString(), false));
        }

        parsed = new PathTemplate(template, parts);
        return true;
    }

    /// <summary>Fills the parameters with percent-encoded values; a missing value leaves "{name}" in place.</summary>
    public string Expand(IReadOnlyDictionary<string, string> values)
    {
        var sb = new StringBuilder();
        foreach (var (text, isParameter) in _parts)
        {
            sb.Append(!isParameter ? text : values.TryGetValue(text, out var v) ? Uri.EscapeDataString(v) : "{" + text + "}");
        }

        return sb.ToString();
    }

    /// <summary>
    /// Matches a concrete path (ending of it, so a base path prefix is allowed) against the template and
    /// returns the parameter values, or null when it does not match.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Match(string path)
    {
        var segments = Segments(path);
        var templateSegments = Segments(Template);
        if (segments.Length < templateSegments.Length)
        {
            return null;
        }

        var offset = segments.Length - templateSegments.Length;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < templateSegments.Length; i++)
        {
            var t = templateSegments[i];
            var s = Uri.UnescapeDataString(segments[offset + i]);
            if (t.StartsWith('{') && t.EndsWith('}') && t.IndexOf('{', 1) < 0)
            {
                if (s.Length == 0)
                {
                    return null;
                }

                values[t[1..^1]] = s;
            }
            else if (!string.Equals(t, s, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return values;
    }

    private static string[] Segments(string path) => path.Split('?', '#')[0].Trim('/').Split('/');

    public override string ToString() => Template;
}
