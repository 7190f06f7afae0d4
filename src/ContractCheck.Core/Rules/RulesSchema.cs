using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractCheck.Core.Rules;

/// <summary>
/// The JSON Schema of the rules file, written from the vocabulary the parser reads (<see cref="RulesKeys"/>), so every
/// key the loader accepts is in it with its meaning and default. Editors validate and complete <c>contractcheck.yaml</c>
/// with it (a <c># yaml-language-server: $schema=…</c> line); <c>contractcheck schema</c> prints it and the repository
/// ships it as <c>rules/contractcheck.schema.json</c>.
/// </summary>
public static class RulesSchema
{
    /// <summary>The file name it ships under and <c>contractcheck init</c> writes beside a rules file.</summary>
    public const string FileName = "contractcheck.schema.json";

    /// <summary>A <c>${NAME}</c> or <c>${NAME:-default}</c> placeholder, which may stand for any value before the environment fills it in.</summary>
    private const string Placeholder = @"^\$\{[^}]+\}$";

    /// <summary>The schema for the probes and checks of <paramref name="vocabulary"/> (the built-in ones by default), indented JSON with a final newline.</summary>
    public static string Generate(RulesVocabulary? vocabulary = null)
    {
        vocabulary ??= Defaults.Vocabulary;
        var root = (JsonObject)Shape(RulesKeys.Root(vocabulary), nullableValues: true);
        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = "https://contractcheck.dev/schemas/" + FileName,
            ["title"] = "ContractCheck rules file (contractcheck.yaml)",
            ["description"] = "The API's design tables for ContractCheck: credentials, error shape, conventions, rate limits, probes, per-operation settings and extra table rows. Every key is optional; values may use ${ENV} and ${ENV:-default}.",
        };
        foreach (var (key, value) in root)
        {
            schema[key] = value?.DeepClone();
        }

        // An empty file (every line commented out) is read as no rules: the built-in sets.
        schema["type"] = new JsonArray("object", "null");

        // Shapes used in many places are written once.
        schema["definitions"] = new JsonObject([.. Definitions.Select(d => KeyValuePair.Create(d.Name, (JsonNode?)Shape(d.Shape, inline: true)))]);

        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    private static readonly (string Name, RuleShape Shape)[] Definitions =
    [
        ("boolean", RulesKeys.Bool), ("statuses", RulesKeys.Statuses), ("selectors", RulesKeys.Selectors),
        ("conditions", RulesKeys.Conditions), ("expectByMethod", RulesKeys.ExpectByMethod),
    ];

    private static JsonNode Shape(RuleShape shape, bool nullableValues = false, bool inline = false) => shape switch
    {
        _ when !inline && Definitions.FirstOrDefault(d => ReferenceEquals(d.Shape, shape)).Name is { } name => new JsonObject { ["$ref"] = "#/definitions/" + name },
        RuleShape.Map map => Map(map, nullableValues),
        RuleShape.Named named => new JsonObject { ["type"] = "object", ["additionalProperties"] = Shape(named.Values) },
        RuleShape.Scalar scalar => Scalar(scalar),
        RuleShape.List { OrSingle: true } list => new JsonObject { ["anyOf"] = new JsonArray(Shape(list.Item), new JsonObject { ["type"] = "array", ["items"] = Shape(list.Item) }) },
        RuleShape.List list => new JsonObject { ["type"] = "array", ["items"] = Shape(list.Item) },
        RuleShape.Either either => new JsonObject { ["anyOf"] = new JsonArray([.. either.Options.Select(o => Shape(o))]) },
        RuleShape.Null => new JsonObject { ["type"] = "null" },
        _ => throw new InvalidOperationException("unknown rules shape " + shape.GetType().Name),
    };

    // A key left empty (every option under it commented out) is read as not given, at the top level.
    private static JsonObject Map(RuleShape.Map map, bool nullableValues)
    {
        var properties = new JsonObject();
        foreach (var key in map.Keys.Where(k => !k.Refused))
        {
            var value = (JsonObject)Shape(key.Shape);
            if (value.ContainsKey("$ref"))
            {
                // Keywords beside a draft-07 $ref are ignored: the description and default go around it.
                value = new JsonObject { ["allOf"] = new JsonArray(value) };
            }
            var described = nullableValues ? new JsonObject { ["anyOf"] = new JsonArray(value, new JsonObject { ["type"] = "null" }) } : value;
            if (key.Description.Length > 0)
            {
                described["description"] = key.Description;
            }

            if (key.Default is { } fallback)
            {
                described["default"] = fallback.DeepClone();
            }

            properties[key.Name] = described;
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
        if (map.Keys.Where(k => k.Required).Select(k => (JsonNode)k.Name).ToArray() is { Length: > 0 } required)
        {
            schema["required"] = new JsonArray(required);
        }

        if (map.AtLeastOne.Count > 0)
        {
            schema["anyOf"] = new JsonArray([.. map.AtLeastOne.Select(k => new JsonObject { ["required"] = new JsonArray(k) })]);
        }

        return schema;
    }

    private static JsonObject Scalar(RuleShape.Scalar scalar)
    {
        JsonObject typed = scalar.Kind switch
        {
            ScalarKind.Integer when scalar.Words is { } words => new JsonObject { ["enum"] = new JsonArray([.. words.Select(w => JsonValue.Create(int.Parse(w, System.Globalization.CultureInfo.InvariantCulture)))]) },
            ScalarKind.Integer => Bounded(new JsonObject { ["type"] = "integer" }, scalar),
            ScalarKind.Boolean => new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "boolean" }, new JsonObject { ["enum"] = new JsonArray([.. YamlRead.TrueWords.Concat(YamlRead.FalseWords).Select(w => JsonValue.Create(w))]) }) },
            ScalarKind.Duration => new JsonObject { ["type"] = "string", ["pattern"] = @"^\s*([0-9]+\.?[0-9]*|\.[0-9]+)(ms|s|m)\s*$" },
            ScalarKind.Status => new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer", ["minimum"] = 100, ["maximum"] = 599 }, new JsonObject { ["type"] = "string", ["pattern"] = @"^\s*([1-5](xx|XX)|[1-5][0-9][0-9])\s*$" }) },
            ScalarKind.Text when scalar.Words is { } words && scalar.IgnoreCase => new JsonObject { ["type"] = "string", ["pattern"] = IgnoringCase(words) },
            ScalarKind.Text when scalar.Words is { } words => new JsonObject { ["enum"] = new JsonArray([.. words.Select(w => JsonValue.Create(w))]) },
            ScalarKind.Text when scalar.Pattern is { } pattern => new JsonObject { ["type"] = "string", ["pattern"] = pattern },
            ScalarKind.Text => new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") },
            ScalarKind.Regex or ScalarKind.JsonPath or ScalarKind.Selector or ScalarKind.Date => new JsonObject { ["type"] = "string" },
            ScalarKind.Any => new JsonObject(),
            _ => throw new InvalidOperationException("unknown scalar kind " + scalar.Kind),
        };

        // Words and numbers may come from the environment: "${MAX_MS}" is read once it is filled in.
        return scalar.Kind is ScalarKind.Text or ScalarKind.Regex or ScalarKind.JsonPath or ScalarKind.Selector or ScalarKind.Date or ScalarKind.Any && scalar.Words is null
            ? typed
            : new JsonObject { ["anyOf"] = new JsonArray(typed, new JsonObject { ["type"] = "string", ["pattern"] = Placeholder }) };
    }

    private static JsonObject Bounded(JsonObject schema, RuleShape.Scalar scalar)
    {
        if (scalar.Minimum is { } min)
        {
            schema["minimum"] = min;
        }

        if (scalar.Maximum is { } max)
        {
            schema["maximum"] = max;
        }

        return schema;
    }

    // ECMA-262 patterns have no inline (?i): GET becomes [Gg][Ee][Tt].
    private static string IgnoringCase(IEnumerable<string> words) =>
        "^(" + string.Join("|", words.Select(w => string.Concat(w.Select(c => char.IsLetter(c) ? $"[{char.ToUpperInvariant(c)}{char.ToLowerInvariant(c)}]" : System.Text.RegularExpressions.Regex.Escape(c.ToString()))))) + ")$";
}
