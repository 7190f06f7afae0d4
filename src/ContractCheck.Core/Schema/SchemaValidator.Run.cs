using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Schema;

public sealed partial class SchemaValidator
{
    /// <summary>One validation pass. With no error list it stops at the first failure (for anyOf, oneOf, not, contains).</summary>
    private sealed class Run(SchemaValidator owner, List<SchemaError>? errors)
    {
        private static readonly HashSet<string> NoNames = [];
        private static readonly Dictionary<string, HashSet<string>> NoDependencies = [];
        private static readonly Dictionary<string, IOpenApiSchema> NoSchemas = [];

        private HashSet<(JsonNode, IOpenApiSchema)>? _redirected;

        private bool Collecting => errors is not null;

        private bool Fail(InstanceRef? at, SchemaRef? where, string message)
        {
            if (errors is not null && errors.Count < owner._options.MaxErrors)
            {
                errors.Add(new SchemaError(at?.Pointer() ?? "", where?.Location() ?? "#", message));
            }

            return false;
        }

        // Sub-runs only answer yes or no: they carry no places, so checking a branch allocates no paths.
        private bool Sub(JsonNode? node, IOpenApiSchema schema, int depth) =>
            new Run(owner, null).Check(node, schema, null, null, depth);

        public bool Check(JsonNode? node, IOpenApiSchema? schema, InstanceRef? at, SchemaRef? where, int depth)
        {
            if (SchemaValues.IsNullSentinel(node))
            {
                node = null;
            }

            while (schema is OpenApiSchemaReference reference)
            {
                var target = SchemaView.Target(reference);
                if (target is null || ReferenceEquals(target, schema))
                {
                    // An unresolved reference was reported when the spec loaded; nothing to check against.
                    return true;
                }

                where = Collecting ? new SchemaRef(null, reference.Reference.Id ?? "?", SchemaRef.ComponentMarker) : null;
                schema = target;
            }

            if (schema is null)
            {
                return true;
            }

            if (depth > MaxDepth)
            {
                return Fail(at, where, $"the schema nests deeper than {MaxDepth} levels here; not checked further");
            }

            var view = SchemaView.Of(schema);
            if (schema.Type is { } types && types != 0 && !TypeMatches(node, types))
            {
                return Fail(at, where?.Child("type"), $"expected {TypeList(types)}, got {TypeName(node)}");
            }

            var ok = true;
            if (view.Enum is { Count: > 0 } values && !Contains(values, node))
            {
                ok = Fail(at, where?.Child("enum"), $"{Show(node)} is not one of {string.Join(", ", values.Take(8).Select(Show))}{(values.Count > 8 ? ", …" : "")}");
                if (!Collecting)
                {
                    return false;
                }
            }

            ok &= node switch
            {
                JsonObject obj => Object(obj, schema, view, at, where, depth),
                JsonArray array => Array(array, schema, view, at, where, depth),
                JsonValue value when value.GetValueKind() == JsonValueKind.String && HasStringKeywords(schema, view) => String(value.GetValue<string>(), schema, view, at, where),
                JsonValue value when value.GetValueKind() == JsonValueKind.Number => Number(value, schema, view, at, where),
                _ => true,
            };
            if (!ok && !Collecting)
            {
                return false;
            }

            return Composition(node, schema, at, where, depth) && ok;
        }

        private bool HasStringKeywords(IOpenApiSchema schema, SchemaView view) =>
            schema.MinLength is not null || schema.MaxLength is not null || view.Pattern is not null || (owner._options.AssertFormats && schema.Format is not null);

        private bool String(string text, IOpenApiSchema schema, SchemaView view, InstanceRef? at, SchemaRef? where)
        {
            var ok = true;
            if (schema.MinLength is { } min || schema.MaxLength is not null)
            {
                var length = CodePoints(text);
                if (schema.MinLength is { } low && length < low)
                {
                    ok = Fail(at, where?.Child("minLength"), $"{Show(text)} is shorter than {low} characters");
                }

                if (schema.MaxLength is { } high && length > high)
                {
                    ok = Fail(at, where?.Child("maxLength"), $"{Show(text)} is longer than {high} characters");
                }
            }

            if (view.Pattern is { } pattern && !Matches(pattern, text))
            {
                ok = Fail(at, where?.Child("pattern"), $"{Show(text)} does not match the pattern {schema.Pattern}");
            }

            if (owner._options.AssertFormats && schema.Format is { } format && !Formats.IsValidString(format, text))
            {
                ok = Fail(at, where?.Child("format"), $"{Show(text)} is not a valid {format}");
            }

            return ok;
        }

        private bool Number(JsonValue value, IOpenApiSchema schema, SchemaView view, InstanceRef? at, SchemaRef? where)
        {
            var ok = true;
            if (view.Minimum is { } minimum && Numbers.Compare(value, minimum.Decimal, minimum.Double) < 0)
            {
                ok = Fail(at, where?.Child("minimum"), $"{value.ToJsonString()} is less than the minimum {schema.Minimum}");
            }

            if (view.Maximum is { } maximum && Numbers.Compare(value, maximum.Decimal, maximum.Double) > 0)
            {
                ok = Fail(at, where?.Child("maximum"), $"{value.ToJsonString()} is more than the maximum {schema.Maximum}");
            }

            if (view.ExclusiveMinimum is { } above && Numbers.Compare(value, above.Decimal, above.Double) <= 0)
            {
                ok = Fail(at, where?.Child("exclusiveMinimum"), $"{value.ToJsonString()} is not more than {schema.ExclusiveMinimum}");
            }

            if (view.ExclusiveMaximum is { } below && Numbers.Compare(value, below.Decimal, below.Double) >= 0)
            {
                ok = Fail(at, where?.Child("exclusiveMaximum"), $"{value.ToJsonString()} is not less than {schema.ExclusiveMaximum}");
            }

            if (schema.MultipleOf is { } factor && factor > 0 && !Numbers.IsMultipleOf(value, factor))
            {
                ok = Fail(at, where?.Child("multipleOf"), $"{value.ToJsonString()} is not a multiple of {factor}");
            }

            if (owner._options.AssertFormats && schema.Format is { } format && !Formats.IsValidNumber(format, Numbers.Decimal(value), Numbers.IsInteger(value)))
            {
                ok = Fail(at, where?.Child("format"), $"{value.ToJsonString()} is not a valid {format}");
            }

            return ok;
        }

        private bool Object(JsonObject obj, IOpenApiSchema schema, SchemaView view, InstanceRef? at, SchemaRef? where, int depth)
        {
            if (schema.Discriminator?.PropertyName is { } discriminator && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 }
                && Discriminated(obj, schema, discriminator) is { } subtype && (_redirected ??= []).Add((obj, subtype)))
            {
                // Inheritance through allOf: the discriminator names the subtype, which includes this schema.
                return Check(obj, subtype, at, where?.Child("discriminator"), depth + 1);
            }

            var ok = true;
            var direction = owner._options.Direction;
            var properties = schema.Properties;
            foreach (var name in schema.Required ?? NoNames)
            {
                if (obj.ContainsKey(name))
                {
                    continue;
                }

                IOpenApiSchema? property = null;
                properties?.TryGetValue(name, out property);
                var resolved = property is null ? null : Resolved(property);
                var exempt = (direction == ValidationDirection.Request && resolved?.ReadOnly == true) || (direction == ValidationDirection.Response && resolved?.WriteOnly == true);
                if (!exempt && !(ok = Fail(at, where?.Child("required"), $"missing required property '{name}'")) && !Collecting)
                {
                    return false;
                }
            }

            if (schema.MinProperties is { } minProperties && obj.Count < minProperties)
            {
                ok = Fail(at, where?.Child("minProperties"), $"has {obj.Count} properties, fewer than {minProperties}");
            }

            if (schema.MaxProperties is { } maxProperties && obj.Count > maxProperties)
            {
                ok = Fail(at, where?.Child("maxProperties"), $"has {obj.Count} properties, more than {maxProperties}");
            }

            var concrete = schema as OpenApiSchema;
            for (var p = 0; p < obj.Count; p++)
            {
                var (name, value) = obj.GetAt(p);
                if (!ok && !Collecting)
                {
                    return false;
                }

                var child = at?.Child(name);
                var known = false;
                if (properties?.TryGetValue(name, out var propertySchema) == true)
                {
                    known = true;
                    if (direction == ValidationDirection.Response && Resolved(propertySchema).WriteOnly)
                    {
                        ok = Fail(child, where?.Child("properties", name).Child("writeOnly"), $"writeOnly property '{name}' must not be in a response");
                    }

                    ok &= Check(value, propertySchema, child, where?.Child("properties", name), depth + 1);
                }

                foreach (var (pattern, patternSchema) in view.PatternProperties ?? (IEnumerable<(System.Text.RegularExpressions.Regex, IOpenApiSchema)>)[])
                {
                    if (Matches(pattern, name))
                    {
                        known = true;
                        ok &= Check(value, patternSchema, child, where?.Child("patternProperties").Child(pattern.ToString()), depth + 1);
                    }
                }

                if (!known)
                {
                    if (!schema.AdditionalPropertiesAllowed)
                    {
                        ok = Fail(child, where?.Child("additionalProperties"), $"property '{name}' is not allowed");
                    }
                    else if (schema.AdditionalProperties is { } additional)
                    {
                        ok &= Check(value, additional, child, where?.Child("additionalProperties"), depth + 1);
                    }
                }

                if (concrete?.PropertyNames is { } names && !Sub(JsonValue.Create(name), names, depth + 1))
                {
                    ok = Fail(child, where?.Child("propertyNames"), $"property name '{name}' does not match propertyNames");
                }
            }

            foreach (var (trigger, needed) in schema.DependentRequired ?? NoDependencies)
            {
                if (obj.ContainsKey(trigger))
                {
                    foreach (var missing in needed.Where(n => !obj.ContainsKey(n)))
                    {
                        ok = Fail(at, where?.Child("dependentRequired").Child(trigger), $"'{trigger}' is present, so '{missing}' is required");
                    }
                }
            }

            foreach (var (trigger, dependent) in concrete?.DependentSchemas ?? NoSchemas)
            {
                if (obj.ContainsKey(trigger))
                {
                    ok &= Check(obj, dependent, at, where?.Child("dependentSchemas").Child(trigger), depth + 1);
                }
            }

            return ok;
        }

        private bool Array(JsonArray array, IOpenApiSchema schema, SchemaView view, InstanceRef? at, SchemaRef? where, int depth)
        {
            var ok = true;
            if (schema.MinItems is { } minItems && array.Count < minItems)
            {
                ok = Fail(at, where?.Child("minItems"), $"has {array.Count} items, fewer than {minItems}");
            }

            if (schema.MaxItems is { } maxItems && array.Count > maxItems)
            {
                ok = Fail(at, where?.Child("maxItems"), $"has {array.Count} items, more than {maxItems}");
            }

            if (schema.UniqueItems == true && Duplicate(array) is var (first, second))
            {
                ok = Fail(at, where?.Child("uniqueItems"), $"items {first} and {second} are equal");
            }

            var prefix = view.PrefixItems;
            for (var i = 0; i < array.Count; i++)
            {
                if (!ok && !Collecting)
                {
                    return false;
                }

                if (prefix is not null && i < prefix.Count)
                {
                    ok &= Check(array[i], owner.Component(prefix[i]), at?.Child(i), where?.Child("prefixItems", SchemaRef.Index(i)), depth + 1);
                }
                else if (schema.Items is { } items)
                {
                    ok &= Check(array[i], items, at?.Child(i), where?.Child("items"), depth + 1);
                }
            }

            if (schema is OpenApiSchema { Contains: { } contains } concrete)
            {
                var matches = array.Count(item => Sub(item, contains, depth + 1));
                var low = concrete.MinContains ?? 1;
                if (matches < low)
                {
                    ok = Fail(at, where?.Child("contains"), low == 1 ? "has no item matching contains" : $"has {matches} items matching contains, fewer than {low}");
                }

                if (concrete.MaxContains is { } high && matches > high)
                {
                    ok = Fail(at, where?.Child("maxContains"), $"has {matches} items matching contains, more than {high}");
                }
            }

            return ok;
        }

        private bool Composition(JsonNode? node, IOpenApiSchema schema, InstanceRef? at, SchemaRef? where, int depth)
        {
            var ok = true;
            for (var i = 0; i < (schema.AllOf?.Count ?? 0); i++)
            {
                ok &= Check(node, schema.AllOf![i], at, where?.Child("allOf", SchemaRef.Index(i)), depth + 1);
                if (!ok && !Collecting)
                {
                    return false;
                }
            }

            if (schema.OneOf is { Count: > 0 } oneOf)
            {
                ok &= Choice(node, schema, oneOf, "oneOf", at, where, depth);
            }

            if (schema.AnyOf is { Count: > 0 } anyOf)
            {
                ok &= Choice(node, schema, anyOf, "anyOf", at, where, depth);
            }

            if (schema.Not is { } not && Sub(node, not, depth + 1))
            {
                ok = Fail(at, where?.Child("not"), "matches the schema under 'not'");
            }

            if (schema is OpenApiSchema { If: { } condition } concrete)
            {
                if (Sub(node, condition, depth + 1))
                {
                    ok &= concrete.Then is null || Check(node, concrete.Then, at, where?.Child("then"), depth + 1);
                }
                else
                {
                    ok &= concrete.Else is null || Check(node, concrete.Else, at, where?.Child("else"), depth + 1);
                }
            }

            return ok;
        }

        private bool Choice(JsonNode? node, IOpenApiSchema schema, IList<IOpenApiSchema> options, string keyword, InstanceRef? at, SchemaRef? where, int depth)
        {
            if (schema.Discriminator?.PropertyName is { } discriminator && node is JsonObject obj)
            {
                if (!obj.TryGetPropertyValue(discriminator, out var tag) || tag is not JsonValue tagValue || !tagValue.TryGetValue(out string? name))
                {
                    return Fail(at, where?.Child("discriminator"), $"the discriminator property '{discriminator}' is missing or not a string");
                }

                var chosen = Discriminated(obj, schema, discriminator);
                if (chosen is null)
                {
                    var known = schema.Discriminator.Mapping?.Keys.ToList() is { Count: > 0 } mapped ? mapped : options.Select(Name).OfType<string>().ToList();
                    return Fail(at?.Child(discriminator), where?.Child("discriminator"), $"discriminator value '{name}' names none of {string.Join(", ", known)}");
                }

                var index = options.IndexOf(options.FirstOrDefault(o => SameSchema(o, chosen))!);
                return index >= 0
                    ? Check(node, options[index], at, where?.Child(keyword, SchemaRef.Index(index)), depth + 1)
                    : Check(node, chosen, at, where?.Child("discriminator"), depth + 1);
            }

            var matching = 0;
            foreach (var option in options)
            {
                if (Sub(node, option, depth + 1))
                {
                    matching++;
                    if (keyword == "anyOf" || matching > 1)
                    {
                        break;
                    }
                }
            }

            return keyword == "anyOf"
                ? matching > 0 || Fail(at, where?.Child(keyword), $"matches none of the {options.Count} anyOf alternatives")
                : matching == 1 || Fail(at, where?.Child(keyword), matching == 0 ? $"matches none of the {options.Count} oneOf alternatives" : "matches more than one oneOf alternative (exactly one allowed)");
        }

        /// <summary>The schema a discriminator value names: its mapping, else the component of that name.</summary>
        private IOpenApiSchema? Discriminated(JsonObject obj, IOpenApiSchema schema, string property)
        {
            if (!obj.TryGetPropertyValue(property, out var tag) || tag is not JsonValue v || !v.TryGetValue(out string? name))
            {
                return null;
            }

            if (schema.Discriminator?.Mapping?.TryGetValue(name, out var mapped) == true)
            {
                return mapped.Target ?? mapped;
            }

            var candidates = (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).ToList();
            return candidates.FirstOrDefault(c => Name(c) == name) ?? (candidates.Count == 0 ? owner.Component("#/components/schemas/" + name) : null);
        }

        private static IOpenApiSchema Resolved(IOpenApiSchema schema) =>
            schema is OpenApiSchemaReference reference && SchemaView.Target(reference) is { } target ? target : schema;

        private static string? Name(IOpenApiSchema schema) => (schema as OpenApiSchemaReference)?.Reference.Id;

        private static bool SameSchema(IOpenApiSchema option, IOpenApiSchema chosen) =>
            ReferenceEquals(option, chosen) || (option is OpenApiSchemaReference r && (ReferenceEquals(r.Target, chosen) || (chosen is OpenApiSchemaReference c && c.Reference.Id == r.Reference.Id)));

        private static bool Contains(List<JsonNode?> values, JsonNode? node)
        {
            foreach (var value in values)
            {
                if (JsonEquality.AreEqual(value, node))
                {
                    return true;
                }
            }

            return false;
        }

        private static (int, int)? Duplicate(JsonArray array)
        {
            if (array.Count <= 32)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    for (var j = i + 1; j < array.Count; j++)
                    {
                        if (JsonEquality.AreEqual(array[i], array[j]))
                        {
                            return (i, j);
                        }
                    }
                }

                return null;
            }

            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < array.Count; i++)
            {
                var key = JsonEquality.Canonical(array[i]);
                if (!seen.TryAdd(key, i))
                {
                    return (seen[key], i);
                }
            }

            return null;
        }

        private static bool Matches(Regex pattern, string text)
        {
            try
            {
                return pattern.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                // A pattern that cannot decide in time does not fail the instance.
                return true;
            }
        }

        private static int CodePoints(string text)
        {
            var count = 0;
            foreach (var c in text)
            {
                if (!char.IsLowSurrogate(c))
                {
                    count++;
                }
            }

            return count;
        }

        private static string Show(JsonNode? node)
        {
            var text = node?.ToJsonString() ?? "null";
            return text.Length > 60 ? text[..60] + "…" : text;
        }

        private static string Show(string text) => Show(JsonValue.Create(text));
    }
}
