using ContractCheck.Core.Yaml;

namespace ContractCheck.Core.Rules;

/// <summary>Reads the rules' <c>operations</c> section: per operation params, body, headers and expected statuses.</summary>
internal sealed class OperationRulesParser
{
    private readonly YamlRead _y;
    private readonly RulesVocabulary _vocabulary;
    private readonly RuleShape.Map _keys;

    public OperationRulesParser(YamlRead y, RulesVocabulary vocabulary)
    {
        _y = y;
        _vocabulary = vocabulary;
        _keys = RulesKeys.Operation(vocabulary);
    }

    public IEnumerable<OperationRules> Parse(YNode node)
    {
        foreach (var (key, value) in _y.Map(node, "operations").Entries)
        {
            var selector = OperationSelector.Parse(key.Value, _y.At(key));
            var what = RulesPath.Operation(key.Value);
            if (value is YScalar { IsNull: true })
            {
                continue;
            }

            var map = _y.Map(value, what, _keys.Names);
            var parameters = map["params"] is { } p ? Strings(p, what + ".params") : new Dictionary<string, string>();
            var headers = map["headers"] is { } h ? Strings(h, what + ".headers") : new Dictionary<string, string>();
            var body = map["body"] is { } b ? YamlToJson.Convert(b, _y.File) : null;
            var expect = new Dictionary<string, IReadOnlyList<StatusPattern>>(StringComparer.Ordinal);
            if (map["expect"] is { } e)
            {
                foreach (var (probe, statuses) in _y.Map(e, what + ".expect").Entries)
                {
                    if (!_vocabulary.ProbeIds.Contains(probe.Value))
                    {
                        throw _y.Error(probe, $"unknown probe '{probe.Value}'", DidYouMean.Hint(probe.Value, _vocabulary.ProbeIds));
                    }

                    expect[probe.Value] = _y.Statuses(statuses, $"{what}.expect.{probe.Value}");
                }
            }

            string? id = null;
            if (map["id"] is { } idNode)
            {
                id = _y.Text(idNode, what + ".id");
                if (!JsonPath.IsValid(id))
                {
                    throw _y.Error(idNode, $"'{id}' is not a JSON path ContractCheck reads", "write where the create's answer holds the new id, such as $.id or $.data.uuid");
                }
            }

            var isPublic = map["public"] is { } pub && _y.Bool(pub, what + ".public");
            string? sunset = null;
            if (map["sunset"] is { } sunsetNode)
            {
                sunset = _y.Text(sunsetNode, what + ".sunset").Trim();
                if (!Schema.Formats.IsValidString("date", sunset) && !Schema.Formats.IsValidString("date-time", sunset)
                    && Execution.HttpDate.ParseFixdate(sunset) is null)
                {
                    throw _y.Error(sunsetNode, $"'{sunset}' is not a date", "write the day the operation goes away, such as 2027-06-30 (or a date-time, or an HTTP-date)");
                }
            }

            yield return new OperationRules(selector, parameters, body, headers, expect) { Id = id, Public = isPublic, Sunset = sunset };
        }
    }

    private Dictionary<string, string> Strings(YNode node, string what) =>
        _y.Map(node, what).Entries.ToDictionary(e => e.Key.Value, e => _y.Text(e.Value, $"{what}.{e.Key.Value}"), StringComparer.Ordinal);
}
