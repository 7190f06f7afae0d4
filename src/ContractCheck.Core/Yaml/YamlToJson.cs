using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ContractCheck.Core.Yaml;

/// <summary>
/// Converts a <see cref="YNode"/> tree to <see cref="JsonNode"/> with the YAML 1.2 core schema
/// (plain <c>true</c>, <c>null</c>, <c>12</c>, <c>1.5</c> become JSON literals; quoted text stays text),
/// merge keys (<c>&lt;&lt;</c>) applied. Aliases are expanded, within a node budget, so a
/// "billion laughs" document is refused instead of eating the memory.
/// </summary>
public static partial class YamlToJson
{
    /// <summary>Most JSON nodes one document may expand to (aliases count each time they are used).</summary>
    public const int DefaultNodeBudget = 20_000_000;

    public static JsonNode? Convert(YNode? node, string fileName, int nodeBudget = DefaultNodeBudget)
    {
        var budget = nodeBudget;
        return node is null ? null : ToJson(node, fileName, 0, ref budget);
    }

    /// <summary>The JSON value of a scalar under the core schema.</summary>
    public static JsonNode? Scalar(YScalar s)
    {
        if (s.Tag is "tag:yaml.org,2002:str")
        {
            return JsonValue.Create(s.Value);
        }

        if (!s.IsPlain)
        {
            return JsonValue.Create(s.Value);
        }

        if (s.IsNull || s.Tag is "tag:yaml.org,2002:null")
        {
            return null;
        }

        switch (s.Value)
        {
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (IntegerPattern().IsMatch(s.Value))
        {
            if (long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            {
                return JsonValue.Create(l);
            }

            if (decimal.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
            {
                return JsonValue.Create(big);
            }
        }

        if (FloatPattern().IsMatch(s.Value) && s.Value.Any(char.IsDigit))
        {
            if (decimal.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                return JsonValue.Create(d);
            }

            if (double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && double.IsFinite(f))
            {
                return JsonValue.Create(f);
            }
        }

        // .inf, .nan, 0x1F, 0o17 and everything else stay text: JSON has no literal for them,
        // and OpenAPI documents write these as strings in practice.
        return JsonValue.Create(s.Value);
    }

    private static JsonNode? ToJson(YNode node, string file, int depth, ref int budget)
    {
        if (depth > 2 * YamlReader.MaxDepth)
        {
            // Only aliases can nest deeper than the reader allows: an alias used inside its own anchor.
            throw new ContractCheckException(
                "an alias is used inside the node it refers to, so it never ends",
                new SourceLocation(file, node.Line, node.Column),
                "remove the recursive alias");
        }

        if (--budget < 0)
        {
            throw new ContractCheckException(
                "the YAML expands to too many nodes (aliases used over and over, a 'billion laughs' document?)",
                new SourceLocation(file, node.Line, node.Column),
                "write the repeated parts once and refer to them with $ref instead of YAML aliases");
        }

        switch (node)
        {
            case YScalar s:
                return Scalar(s);
            case YSequence seq:
                var array = new JsonArray();
                foreach (var item in seq.Items)
                {
                    array.Add(ToJson(item, file, depth + 1, ref budget));
                }

                return array;
            case YMapping map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Entries)
                {
                    if (key.IsPlain && key.Value == "<<")
                    {
                        continue;
                    }

                    obj[key.Value] = ToJson(value, file, depth + 1, ref budget);
                }

                // Merge keys: explicit entries win, then the merged mappings in order.
                if (map["<<"] is { } merge)
                {
                    foreach (var source in merge is YSequence list ? list.Items : [merge])
                    {
                        if (source is not YMapping from)
                        {
                            throw new ContractCheckException("a merge key '<<' must refer to a mapping", new SourceLocation(file, source.Line, source.Column));
                        }

                        foreach (var (key, value) in from.Entries)
                        {
                            if (!obj.ContainsKey(key.Value))
                            {
                                obj[key.Value] = ToJson(value, file, depth + 1, ref budget);
                            }
                        }
                    }
                }

                return obj;
            default:
                throw new InvalidOperationException("unknown YAML node " + node.GetType().Name);
        }
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
