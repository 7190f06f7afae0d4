using ContractCheck.Core.Spec;
using ContractCheck.Core.Yaml;

namespace ContractCheck.Core.Rules;

/// <summary>
/// Reads one rules file's YAML tree into a <see cref="RulesFragment"/>, strictly: unknown keys, wrong
/// types, unknown probe or check ids and bad regexes are errors naming file, line and column.
/// </summary>
internal sealed class RulesParser
{
    private readonly YamlRead _y;
    private readonly RulesVocabulary _vocabulary;
    private readonly ConditionParser _conditions;
    private readonly string[] _rowKeys;

    private RulesParser(string file, RulesVocabulary vocabulary)
    {
        _y = new YamlRead(file);
        _vocabulary = vocabulary;
        _conditions = new ConditionParser(_y);
        _rowKeys = RulesKeys.Row(vocabulary).Names;
    }

    public static RulesFragment Parse(YNode? root, string file, RulesVocabulary vocabulary) =>
        new RulesParser(file, vocabulary).Parse(root);

    private RulesFragment Parse(YNode? root)
    {
        var fragment = new RulesFragment { File = _y.File };
        if (root is null)
        {
            return fragment;
        }

        var map = _y.Map(root, "the rules file", RulesKeys.TopLevel);
        foreach (var (key, value) in map.Entries)
        {
            if (value is YScalar { IsNull: true })
            {
                continue;
            }

            switch (key.Value)
            {
                case "extends":
                    fragment.Extends = _y.TextList(value, "extends").Select(e => (e.Value, _y.At(e.Node))).ToList();
                    break;
                case "auth":
                    fragment.Auth = new AuthParser(_y).Auth(value);
                    break;
                case "identities":
                    fragment.Identities.AddRange(new AuthParser(_y).Identities(value));
                    break;
                case "errors":
                    fragment.Errors = Errors(value);
                    break;
                case "conventions":
                    Conventions(value, fragment);
                    break;
                case "rateLimit":
                    fragment.RateLimits.AddRange(List(value, "rateLimit").Select(RateLimit));
                    break;
                case "probes":
                    Probes(value, fragment);
                    break;
                case "operations":
                    fragment.Operations.AddRange(new OperationRulesParser(_y, _vocabulary).Parse(value));
                    break;
                case "responses":
                    fragment.Responses.AddRange(List(value, "responses").Select(Row));
                    break;
                case "skip":
                    fragment.Skip.AddRange(_y.TextList(value, "skip").Select(s => OperationSelector.Parse(s.Value, _y.At(s.Node))));
                    break;
                case "checks":
                    foreach (var (id, setting) in _y.Map(value, "checks").Entries)
                    {
                        RequireKnown(id, _vocabulary.CheckIds, "check");
                        fragment.Checks[id.Value] = _y.Bool(setting, $"checks.{id.Value}");
                    }

                    break;
                case "expect":
                    fragment.Expect = Expect(value);
                    break;
                case "strict":
                    fragment.Strict = _y.Bool(value, "strict");
                    break;
            }
        }

        return fragment;
    }

    private IEnumerable<YNode> List(YNode node, string what) =>
        node is YSequence seq ? seq.Items : throw _y.Error(node, $"{what} must be a list (lines starting with '- '), not {node.KindName}");

    private ErrorSettings Errors(YNode node)
    {
        var map = _y.Map(node, "errors", RulesKeys.Errors.Names);
        string? schemaRef = null;
        System.Text.Json.Nodes.JsonNode? inline = null;
        if (map["schema"] is YScalar s)
        {
            schemaRef = _y.Text(s, "errors.schema");
            if (!schemaRef.StartsWith("#/", StringComparison.Ordinal))
            {
                throw _y.Error(s, $"errors.schema '{schemaRef}' is not a $ref into the spec", "write a pointer such as \"#/components/schemas/Error\", or an inline schema mapping");
            }
        }
        else if (map["schema"] is { } inlineNode)
        {
            inline = YamlToJson.Convert(_y.Map(inlineNode, "errors.schema"), _y.File);
        }

        var types = map["contentTypes"] is { } ct ? _y.TextList(ct, "errors.contentTypes").Select(t => t.Value).ToList() : [];
        return new ErrorSettings(schemaRef, inline, types, _y.At(node));
    }

    private void Conventions(YNode node, RulesFragment fragment)
    {
        var map = _y.Map(node, "conventions", RulesKeys.Conventions.Names);
        if (map["validationStatus"] is { } vs)
        {
            var codes = _y.TextList(vs, "conventions.validationStatus").Select(v => _y.Int(v.Node, "conventions.validationStatus", 400, 499)).ToList();
            if (codes.Any(c => c is not (400 or 422)))
            {
                throw _y.Error(vs, "conventions.validationStatus must be 400, 422 or [400, 422]");
            }

            fragment.ValidationStatus = codes;
        }

        if (map["hideExistence"] is { } he)
        {
            fragment.HideExistence = _y.Bool(he, "conventions.hideExistence");
        }

        if (map["maxResponseMs"] is { } ms)
        {
            fragment.MaxResponseMs = _y.Int(ms, "conventions.maxResponseMs", 1, 600_000);
        }

        if (map["validateFormats"] is { } formats)
        {
            fragment.ValidateFormats = _y.Bool(formats, "conventions.validateFormats");
        }

        if (map["stateful"] is { } stateful)
        {
            fragment.Stateful = _y.Bool(stateful, "conventions.stateful");
        }
    }

    private RateLimitRule RateLimit(YNode node)
    {
        var map = _y.Map(node, "a rateLimit entry", RulesKeys.RateLimit.Names);
        var operation = map["operation"] ?? throw _y.Error(node, "a rateLimit entry needs 'operation'", "name the operation: an operationId or \"GET /items\"");
        var requests = map["requests"] is { } r ? _y.Int(r, "rateLimit.requests", 1, 100_000) : throw _y.Error(node, "a rateLimit entry needs 'requests' (how many to send)");
        var within = map["within"] is { } w ? _y.Duration(w, "rateLimit.within") : throw _y.Error(node, "a rateLimit entry needs 'within' (a duration such as 2s)");
        var concurrency = map["concurrency"] is { } c ? _y.Int(c, "rateLimit.concurrency", 1, 256) : RateLimitRule.DefaultConcurrency;
        var expect = map["expect"] is { } e ? _y.Int(e, "rateLimit.expect", 400, 599) : RateLimitRule.DefaultExpect;
        return new RateLimitRule(OperationSelector.Parse(_y.Text(operation, "rateLimit.operation"), _y.At(operation)), requests, within, concurrency, expect, _y.At(node));
    }

    private void Probes(YNode node, RulesFragment fragment)
    {
        foreach (var (id, value) in _y.Map(node, "probes").Entries)
        {
            RequireKnown(id, _vocabulary.ProbeIds, "probe");
            if (value is YScalar)
            {
                fragment.Probes[id.Value] = new ProbeSettings(_y.Bool(value, $"probes.{id.Value}"));
                continue;
            }

            var what = $"probes.{id.Value}";
            var options = _y.Map(value, what, RulesKeys.ProbeSettings(_vocabulary.ProbeOptions[id.Value]).Names);
            fragment.Probes[id.Value] = new ProbeSettings(options["enabled"] is not { } en || _y.Bool(en, what + ".enabled"))
            {
                MaxCases = options["maxCases"] is { } max ? _y.Int(max, what + ".maxCases", 1, 1000) : null,
                Formats = options["formats"] is { } formats ? _y.Bool(formats, what + ".formats") : null,
                Operations = options["operations"] is { } ops ? _y.TextList(ops, what + ".operations").Select(o => OperationSelector.Parse(o.Value, _y.At(o.Node))).ToList() : [],
                IgnoreMethods = options["ignoreMethods"] is { } ignored ? _y.TextList(ignored, what + ".ignoreMethods").Select(m => Method(m.Node, m.Value)).ToList() : null,
                Strict = options["strict"] is { } strict ? _y.Bool(strict, what + ".strict") : null,
                Header = options["header"] is { } header ? _y.Text(header, what + ".header") : null,
            };
        }
    }

    private string Method(YNode node, string text) =>
        HttpMethods.Standard.FirstOrDefault(m => m.Equals(text, StringComparison.OrdinalIgnoreCase))
        ?? throw _y.Error(node, $"'{text}' is not an HTTP method", DidYouMean.Hint(text.ToUpperInvariant(), HttpMethods.Standard));

    private ExpectTable Expect(YNode node)
    {
        var rows = new Dictionary<string, Dictionary<string, IReadOnlyList<StatusPattern>>>();
        var why = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (probe, value) in _y.Map(node, "expect").Entries)
        {
            RequireKnown(probe, _vocabulary.ProbeIds, "probe");
            var byMethod = new Dictionary<string, IReadOnlyList<StatusPattern>>(StringComparer.Ordinal);
            if (value is YMapping methods)
            {
                foreach (var (method, statuses) in _y.Map(methods, $"expect.{probe.Value}", RulesKeys.ExpectKeys).Entries)
                {
                    if (method.Value == "why")
                    {
                        why[probe.Value] = _y.Text(statuses, $"expect.{probe.Value}.why");
                        continue;
                    }

                    byMethod[method.Value == "status" ? "*" : method.Value] = _y.Statuses(statuses, $"expect.{probe.Value}.{method.Value}");
                }
            }
            else
            {
                byMethod["*"] = _y.Statuses(value, $"expect.{probe.Value}");
            }

            rows[probe.Value] = byMethod;
        }

        return new ExpectTable(rows, why);
    }

    private ResponseRule Row(YNode node)
    {
        var map = _y.Map(node, "a responses row", _rowKeys);
        var status = map["status"] is { } s ? _y.Statuses(s, "status") : throw _y.Error(node, "a responses row needs 'status'", "add 'status: 201' (or 4xx, or a list)");
        var probes = map["probe"] is { } p ? _y.TextList(p, "probe").Select(x => { RequireKnown(x.Node, x.Value, _vocabulary.ProbeIds, "probe"); return x.Value; }).ToList() : [];
        var operations = map["operation"] is { } o ? _y.TextList(o, "operation").Select(x => OperationSelector.Parse(x.Value, _y.At(x.Node))).ToList() : [];
        var check = ResponseRule.DefaultCheck;
        if (map["check"] is { } c)
        {
            check = _y.Text(c, "check");
            RequireKnown(c, check, _vocabulary.CheckIds, "check");
        }

        var why = map["why"] is { } w ? _y.Text(w, "why") : null;
        var require = map["require"] is { } rq ? _conditions.Parse(rq, "require") : ResponseConditions.None;
        var forbid = map["forbid"] is { } fb ? _conditions.Parse(fb, "forbid") : ResponseConditions.None;
        if (require.IsEmpty && forbid.IsEmpty)
        {
            throw _y.Error(node, "a responses row needs 'require' or 'forbid'", "say what such responses must carry (require: {headers: [Location]}) or must not (forbid: {bodyMatches: [...]})");
        }

        return new ResponseRule(status, probes, operations, check, why, require, forbid, _y.At(node))
        {
            Deprecated = map["deprecated"] is { } d && _y.Bool(d, "deprecated"),
            Sunset = map["sunset"] is { } s2 && _y.Bool(s2, "sunset"),
        };
    }

    private void RequireKnown(YScalar key, IReadOnlyCollection<string> known, string kind) => RequireKnown(key, key.Value, known, kind);

    private void RequireKnown(YNode at, string id, IReadOnlyCollection<string> known, string kind)
    {
        if (!known.Contains(id))
        {
            throw _y.Error(at, $"unknown {kind} '{id}'", DidYouMean.Hint(id, known));
        }
    }
}
