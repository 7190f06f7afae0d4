using System.Globalization;
using ContractCheck.Core.Yaml;

namespace ContractCheck.Core.Rules;

/// <summary>Strict, position-aware accessors for reading a rules file's YAML into the model.</summary>
internal sealed class YamlRead
{
    public YamlRead(string file)
    {
        File = file;
    }

    public string File { get; }

    public SourceLocation At(YNode node) => new(File, node.Line, node.Column);

    public ContractCheckException Error(YNode node, string message, string? hint = null) => new(message, At(node), hint);

    /// <summary>The node as a mapping whose keys are all among <paramref name="allowed"/>.</summary>
    public YMapping Map(YNode node, string what, params string[] allowed)
    {
        if (node is not YMapping map)
        {
            throw Error(node, $"{what} must be a mapping, not {node.KindName}", "write it as 'key: value' lines indented under it");
        }

        if (allowed.Length > 0)
        {
            foreach (var (key, _) in map.Entries)
            {
                if (!allowed.Contains(key.Value, StringComparer.Ordinal))
                {
                    throw Error(key, $"unknown key '{key.Value}' in {what}", DidYouMean.Hint(key.Value, allowed));
                }
            }
        }

        return map;
    }

    public string Text(YNode node, string what)
    {
        if (node is YScalar { IsNull: false } s)
        {
            return s.Value;
        }

        throw Error(node, $"{what} must be a single value, not {node.KindName}");
    }

    public int Int(YNode node, string what, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = Text(node, what);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(node, $"{what} must be a whole number, not '{text}'");
        }

        if (value < min || value > max)
        {
            throw Error(node, $"{what} must be between {min} and {max}, not {value}");
        }

        return value;
    }

    /// <summary>The words read as true (plain <c>true</c> and its YAML 1.1 friends).</summary>
    public static readonly string[] TrueWords = ["true", "True", "TRUE", "on", "yes"];

    /// <summary>The words read as false.</summary>
    public static readonly string[] FalseWords = ["false", "False", "FALSE", "off", "no"];

    public bool Bool(YNode node, string what)
    {
        var text = Text(node, what);
        return TrueWords.Contains(text, StringComparer.Ordinal) ? true
            : FalseWords.Contains(text, StringComparer.Ordinal) ? false
            : throw Error(node, $"{what} must be true or false, not '{text}'");
    }

    /// <summary>A single value or a list of values.</summary>
    public List<(string Value, YNode Node)> TextList(YNode node, string what)
    {
        if (node is YSequence seq)
        {
            return seq.Items.Select(i => (Text(i, what + " entry"), i)).ToList();
        }

        return [(Text(node, what), node)];
    }

    public List<StatusPattern> Statuses(YNode node, string what)
    {
        var result = new List<StatusPattern>();
        foreach (var (text, at) in TextList(node, what))
        {
            if (!StatusPattern.TryParse(text, out var pattern))
            {
                throw Error(at, $"'{text}' is not a status code", "write a code from 100 to 599 (201), or a class (4xx)");
            }

            result.Add(pattern);
        }

        return result;
    }

    /// <summary>A duration such as 500ms, 2s, 1.5s or 1m.</summary>
    public TimeSpan Duration(YNode node, string what)
    {
        var text = Text(node, what).Trim();
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : text.EndsWith('m') ? (text[..^1], 60_000.0)
            : (text, double.NaN);
        if (double.IsNaN(unit) || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw Error(node, $"{what} '{text}' is not a duration", "write a number with a unit: 500ms, 2s, 1m");
        }

        return TimeSpan.FromMilliseconds(value * unit);
    }
}
