using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContractCheck.Core.Yaml;

namespace ContractCheck.Core.Rules;

/// <summary>Reads the <c>require</c> / <c>forbid</c> vocabulary of a responses row.</summary>
internal sealed class ConditionParser
{
    /// <summary>Longest a rules regex may run on one body before the check reports a timeout instead of hanging.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(250);

    private readonly YamlRead _y;

    public ConditionParser(YamlRead y)
    {
        _y = y;
    }

    public ResponseConditions Parse(YNode node, string what)
    {
        var map = _y.Map(node, what, RulesKeys.Conditions.Names);
        var headers = new List<HeaderCondition>();
        if (map["headers"] is YSequence names)
        {
            headers.AddRange(names.Items.Select(n => new HeaderCondition(_y.Text(n, $"{what}.headers entry"), null)));
        }
        else if (map["headers"] is YMapping patterns)
        {
            foreach (var (name, pattern) in patterns.Entries)
            {
                headers.Add(new HeaderCondition(name.Value, pattern is YScalar { IsNull: true } ? null : Regex(pattern, $"{what}.headers.{name.Value}")));
            }
        }
        else if (map["headers"] is { } other)
        {
            headers.Add(new HeaderCondition(_y.Text(other, $"{what}.headers"), null));
        }

        bool? bodyEmpty = null;
        if (map["body"] is { } body)
        {
            bodyEmpty = _y.Text(body, $"{what}.body") switch
            {
                "empty" => true,
                "non-empty" => false,
                var t => throw _y.Error(body, $"{what}.body must be 'empty' or 'non-empty', not '{t}'"),
            };
        }

        var bodyMatches = map["bodyMatches"] is { } bm ? _y.TextList(bm, $"{what}.bodyMatches").Select(p => Regex(p.Node, $"{what}.bodyMatches")).ToList() : [];
        var json = new List<KeyValuePair<string, JsonNode?>>();
        if (map["json"] is { } j)
        {
            foreach (var (path, value) in _y.Map(j, $"{what}.json").Entries)
            {
                if (!JsonPath.IsValid(path.Value))
                {
                    throw _y.Error(path, $"'{path.Value}' is not a JSON path ContractCheck reads", "write a path such as $.success or $.error.code or $.items[0].id");
                }

                json.Add(new(path.Value, YamlToJson.Convert(value, _y.File)));
            }
        }

        if (map["schema"] is { } schema)
        {
            throw _y.Error(schema, $"{what}.schema is not supported in a table row", "remove it: every body is already checked against the spec's schema (response-schema), and 4xx/5xx bodies against errors.schema (error-shape); a row supports 'headers', 'body', 'bodyMatches', 'json' and 'contentType'");
        }

        var contentTypes = map["contentType"] is { } ct ? _y.TextList(ct, $"{what}.contentType").Select(t => t.Value).ToList() : [];
        return new ResponseConditions(headers, bodyEmpty, bodyMatches, json, contentTypes);
    }

    private Regex Regex(YNode node, string what)
    {
        var pattern = _y.Text(node, what);
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw _y.Error(node, $"'{pattern}' is not a valid regular expression: {e.Message}", "fix the pattern (.NET regex syntax; in YAML single quotes keep backslashes as written)");
        }
    }
}
