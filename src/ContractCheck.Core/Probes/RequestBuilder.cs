using System.Text;
using System.Text.Json.Nodes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Schema;
using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Probes;

/// <summary>
/// Builds the valid request for an operation: path, query, header and cookie parameters, a body,
/// credentials from the rules, and the extra headers of the command line. Values come from the
/// rules first, then a resource created in the run, then the spec's examples, then the schema.
/// </summary>
public sealed class RequestBuilder
{
    private readonly ApiSpec _spec;
    private readonly RuleSet _rules;
    private readonly PlanOptions _options;
    private readonly ResourceMap _resources;

    public RequestBuilder(ApiSpec spec, RuleSet rules, PlanOptions options, ResourceMap resources)
    {
        _spec = spec;
        _rules = rules;
        _options = options;
        _resources = resources;
    }

    public PlannedRequest Build(ApiOperation operation, Random random)
    {
        var opRules = _rules.ForOperation(operation);
        var given = opRules?.Params ?? new Dictionary<string, string>();
        var generator = new ValueGenerator(random, _spec.Document);

        var pathValues = new Dictionary<string, PathValue>(StringComparer.Ordinal);
        foreach (var name in PathTemplate.Parse(operation.Path).ParameterNames)
        {
            var parameter = operation.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Path && p.Name == name);
            var binding = ResourceMap.BindingKey(operation.Path, name);
            var bound = _resources.HasCreator(binding) && _resources.CreatedKey(operation) != binding ? binding : null;
            pathValues[name] = given.TryGetValue(name, out var fixedValue)
                ? new PathValue(fixedValue, ValueOrigin.Rules)
                : ParameterValue(parameter, generator) is var (text, origin) ? new PathValue(text, origin, bound) : new PathValue("1", ValueOrigin.Generated, bound);
        }

        var query = new List<KeyValuePair<string, string>>();
        var headers = new List<KeyValuePair<string, string>>();
        var cookies = new List<string>();
        foreach (var parameter in operation.Parameters.Where(p => p.In is not ParameterLocation.Path))
        {
            string? value = given.TryGetValue(parameter.Name ?? "", out var g) ? g : parameter.Required ? ParameterValue(parameter, generator)?.Text : null;
            if (value is null || parameter.Name is null)
            {
                continue;
            }

            switch (parameter.In)
            {
                case ParameterLocation.Query:
                    query.Add(new(parameter.Name, value));
                    break;
                case ParameterLocation.Header when !IsManagedHeader(parameter.Name):
                    headers.Add(new(parameter.Name, value));
                    break;
                case ParameterLocation.Cookie:
                    cookies.Add($"{parameter.Name}={Uri.EscapeDataString(value)}");
                    break;
            }
        }

        if (cookies.Count > 0)
        {
            headers.Add(new("Cookie", string.Join("; ", cookies)));
        }

        if (Accept(operation) is { } accept)
        {
            headers.Add(new("Accept", accept));
        }

        headers.AddRange(_rules.Auth.Headers());
        if (_rules.Auth.QueryName is { } queryName && _rules.Auth.QueryValue is { } queryValue)
        {
            query.Add(new(queryName, queryValue));
        }

        headers.AddRange(opRules?.Headers ?? new Dictionary<string, string>());
        headers.AddRange(_options.ExtraHeaders);

        var (body, contentType) = Body(operation, opRules, generator, random);
        return new PlannedRequest(operation.Method, operation.Path, pathValues, query, Deduplicate(headers), body, contentType);
    }

    /// <summary>The media type a body is sent as: JSON where the spec offers it, else the first declared.</summary>
    public static string? BodyMediaType(ApiOperation operation)
    {
        var content = Resolved.IsUnresolved(operation.Model.RequestBody) ? null : operation.Model.RequestBody?.Content;
        if (content is null || content.Count == 0)
        {
            return null;
        }

        return content.Keys.FirstOrDefault(MediaTypes.IsJson) ?? content.Keys.First();
    }

    private (byte[]? Body, string? ContentType) Body(ApiOperation operation, OperationRules? opRules, ValueGenerator generator, Random random)
    {
        var mediaType = BodyMediaType(operation);
        if (mediaType is null)
        {
            return opRules?.Body is { } only ? (Encoding.UTF8.GetBytes(Templates.Fill(only, random)?.ToJsonString() ?? "null"), "application/json") : (null, null);
        }

        var media = operation.Model.RequestBody!.Content![mediaType];
        var example = MediaExample(media);
        var bodySchema = media is null || Resolved.IsUnresolved(media) ? null : media.Schema;
        if (example is not null && bodySchema is { } schema && !new SchemaValidator(_spec.Document, new ValidationOptions(ValidationDirection.Request)).IsValid(example, schema))
        {
            // An example that breaks its own schema would make the happy path fail for the spec's sake.
            example = null;
        }

        var value = opRules?.Body is { } fromRules ? Templates.Fill(fromRules, random)
            : example ?? generator.Generate(bodySchema);
        var contentType = mediaType.Contains('*', StringComparison.Ordinal) ? "application/json" : mediaType;
        return (Encode(value, contentType), contentType);
    }

    private static JsonNode? MediaExample(IOpenApiMediaType? media)
    {
        if (media is null || Resolved.IsUnresolved(media))
        {
            return null;
        }

        if (media.Example is { } example)
        {
            return SchemaValues.Clean(example);
        }

        return Resolved.ExampleValues(media.Examples).FirstOrDefault() is { } first ? SchemaValues.Clean(first) : null;
    }

    private static byte[] Encode(JsonNode? value, string contentType)
    {
        if (MediaTypes.IsJson(contentType))
        {
            return Encoding.UTF8.GetBytes(value?.ToJsonString() ?? "null");
        }

        if (MediaTypes.Essence(contentType) == "application/x-www-form-urlencoded" && value is JsonObject form)
        {
            return Encoding.UTF8.GetBytes(string.Join("&", form.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(Text(p.Value)))));
        }

        return Encoding.UTF8.GetBytes(value is JsonValue ? Text(value) : value?.ToJsonString() ?? "");
    }

    private static (string Text, ValueOrigin Origin)? ParameterValue(IOpenApiParameter? parameter, ValueGenerator generator)
    {
        if (parameter is null)
        {
            return null;
        }

        if (parameter.Example is { } example && !SchemaValues.IsNullSentinel(example))
        {
            return (Text(example), ValueOrigin.Example);
        }

        if (Resolved.ExampleValues(parameter.Examples).FirstOrDefault() is { } first)
        {
            return (Text(first), ValueOrigin.Example);
        }

        if (parameter.Schema is { } schema && ValueGenerator.Given(schema) is { } given)
        {
            return (Text(given), ValueOrigin.Example);
        }

        return (Text(generator.Generate(parameter.Schema ?? parameter.Content?.Values.FirstOrDefault()?.Schema)), ValueOrigin.Generated);
    }

    /// <summary>Parameter text: strings as they are, arrays comma-separated (the default "simple"/"form" style), the rest as JSON.</summary>
    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonArray a => string.Join(",", a.Select(Text)),
        _ => value.ToJsonString(),
    };

    private static string? Accept(ApiOperation operation)
    {
        var types = (operation.Model.Responses ?? [])
            .Where(r => r.Key.StartsWith('2'))
            .SelectMany(r => r.Value.Content?.Keys ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return types.Count == 0 ? null : string.Join(", ", types);
    }

    private static bool IsManagedHeader(string name) =>
        name.Equals("Accept", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase);

    // Later headers (rules, then the command line) replace earlier ones of the same name.
    private static List<KeyValuePair<string, string>> Deduplicate(List<KeyValuePair<string, string>> headers)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var header in headers)
        {
            result.RemoveAll(h => h.Key.Equals(header.Key, StringComparison.OrdinalIgnoreCase));
            result.Add(header);
        }

        return result;
    }
}
