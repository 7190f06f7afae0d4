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
    private readonly Freshener _freshener;

    public RequestBuilder(ApiSpec spec, RuleSet rules, PlanOptions options, ResourceMap resources)
    {
        _spec = spec;
        _rules = rules;
        _options = options;
        _resources = resources;
        _freshener = new Freshener(spec.Document);
        _accept = new(ReferenceEqualityComparer.Instance);
        _errorAccept = new(ReferenceEqualityComparer.Instance);
        _examples = new(ReferenceEqualityComparer.Instance);
        _parameterExamples = new(ReferenceEqualityComparer.Instance);
    }

    private RequestBuilder(RequestBuilder whole)
    {
        _spec = whole._spec;
        _rules = whole._rules;
        _options = whole._options;
        _resources = whole._resources;
        _freshener = new Freshener(whole._spec.Document);
        _accept = whole._accept;
        _errorAccept = whole._errorAccept;
        _examples = whole._examples;
        _parameterExamples = whole._parameterExamples;
    }

    /// <summary>The same builder with its own memory of the strings its bodies sent (see <see cref="Freshener"/>), for one collection's operations.</summary>
    public RequestBuilder ForCollection() => new(this);

    /// <summary>Every request says who sends it, so the traffic of a run is easy to tell apart in the target's logs.</summary>
    public static readonly string UserAgent = "ContractCheck/" + (typeof(RequestBuilder).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");

    /// <param name="operation">The operation the request is for.</param>
    /// <param name="random">Values come from it, in a fixed order (parameters first), so a request without its body has the same parameter values.</param>
    /// <param name="withBody">False for a probe that sends no body (wrong-method): no body is made, and no read before a conditional write.</param>
    /// <param name="identity">As whom it is sent: its credentials go on the request (the main identity's read before a conditional write stays the main one's).</param>
    public PlannedRequest Build(ApiOperation operation, Random random, bool withBody = true, string identity = IdentityNames.Main)
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
            string? value = given.TryGetValue(parameter.Name ?? "", out var g) ? g
                : IsIdempotencyKey(parameter) ? IdempotencyKey(random)
                : parameter.Required || IsIfMatch(parameter.Name) || IsIfNoneMatch(parameter.Name) ? ParameterValue(parameter, generator)?.Text : null;
            if (value is null || parameter.Name is null)
            {
                continue;
            }

            switch (parameter.In)
            {
                case ParameterLocation.Header when IsIfMatch(parameter.Name):
                    // The current ETag of the item is read just before the write (ReadFirst); an example value would be stale.
                    continue;
                case ParameterLocation.Header when parameter.Name.Equals("If-None-Match", StringComparison.OrdinalIgnoreCase) && operation.Method is "POST" or "PUT":
                    headers.Add(new(parameter.Name, "*"));
                    break;
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

        headers.Add(new("Accept", Accept(operation, forError: false)));
        headers.Add(new("User-Agent", UserAgent));

        var credentials = _rules.CredentialsOf(identity);
        headers.AddRange(credentials.Headers(identity));
        if (credentials.QueryName is { } queryName && credentials.QueryValue is { } queryValue)
        {
            query.Add(new(queryName, queryValue));
        }

        // Credentials of the rules' operations section and the command line are the main identity's.
        var main = identity == IdentityNames.Main;
        headers.AddRange((opRules?.Headers ?? new Dictionary<string, string>()).Where(h => main || !CredentialNames.IsCredential(h.Key)));
        headers.AddRange(_options.ExtraHeaders.Where(h => main || !CredentialNames.IsCredential(h.Key)));

        var (body, contentType) = withBody ? Body(operation, opRules, generator, random) : (null, null);
        var readFirst = withBody ? ReadFirst(operation, random) : null;
        return new PlannedRequest(operation.Method, operation.Path, pathValues, query, Deduplicate(headers), body, contentType)
        {
            ReadFirst = readFirst,
            FromAnswer = readFirst is null ? null : AnswerHeaders.IfMatch,
            As = identity,
        };
    }

    /// <summary>An identity's login (<c>auth.login</c>): the operation with the login's body, sent without credentials.</summary>
    public PlannedRequest Login(ApiOperation operation, LoginSettings login, Random random)
    {
        var request = Build(operation, random, withBody: false, identity: IdentityNames.None);
        var mediaType = BodyMediaType(operation) ?? "application/json";
        var contentType = mediaType.Contains('*', StringComparison.Ordinal) ? "application/json" : mediaType;
        return login.Body is null ? request : request with { Body = Encode(_freshener.Freshen(login.Body, null, random, login.Body), contentType), ContentType = contentType };
    }

    /// <summary>
    /// The same request as a new attempt rather than a retry: a fresh idempotency key where it carries one (a second
    /// create of the same body must not be taken for a replay of the first).
    /// </summary>
    public PlannedRequest NewAttempt(PlannedRequest request, Random random)
    {
        var name = IdempotencyKeyProbe.HeaderName(_rules);
        return request.Headers.Any(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            ? request with { Headers = [.. request.Headers.Select(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase) ? new KeyValuePair<string, string>(h.Key, IdempotencyKey(random)) : h)] }
            : request;
    }

    // A key no request sent before, in this run or another: from the seeded source, mixed with the run's nonce.
    private string IdempotencyKey(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        var nonce = _options.RunNonce.ToByteArray();
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] ^= nonce[i];
        }

        return new Guid(bytes).ToString();
    }

    // Every request of a create that declares an idempotency key sends its own, fresh one: a key from the spec's
    // example would make the run's second create a replay of its first (or of the last run's).
    private bool IsIdempotencyKey(IOpenApiParameter parameter) =>
        parameter.In == ParameterLocation.Header && string.Equals(parameter.Name, IdempotencyKeyProbe.HeaderName(_rules), StringComparison.OrdinalIgnoreCase);

    /// <summary>The request as a deliberately wrong one sends it: asking for the error media types (see <see cref="Accept"/>).</summary>
    public PlannedRequest ForError(PlannedRequest request, ApiOperation operation) =>
        request with { Headers = [.. request.Headers.Select(h => h.Key.Equals("Accept", StringComparison.OrdinalIgnoreCase) ? new KeyValuePair<string, string>(h.Key, Accept(operation, forError: true)) : h)] };

    /// <summary>
    /// A request body made fresh again: strings no earlier request sent (the rules' body: its placeholders
    /// filled anew), the subtree at <paramref name="keep"/> untouched. For the invalid-body cases of one valid body.
    /// </summary>
    public byte[] Refresh(ApiOperation operation, JsonNode? value, Random random, string? keep)
    {
        var mediaType = BodyMediaType(operation) ?? "application/json";
        var template = _rules.ForOperation(operation)?.Body ?? _rules.LoginFor(operation)?.Body;
        var schema = template is null ? operation.Model.RequestBody?.Content?[mediaType]?.Schema : null;
        return Encode(_freshener.Freshen(value, schema, random, template, keep), mediaType.Contains('*', StringComparison.Ordinal) ? "application/json" : mediaType);
    }

    /// <summary>
    /// The Accept a request sends, so no probe depends on the server's default representation (RFC 9110 12.5.1):
    /// for a valid request the media types of the operation's documented answers, success first; for a
    /// deliberately wrong one the error media types of the rules, then those the spec documents for errors,
    /// then application/json.
    /// </summary>
    public string Accept(ApiOperation operation, bool forError) =>
        (forError ? _errorAccept : _accept).GetOrAdd(operation, static (o, state) => state.Builder.AcceptOf(o, state.ForError), (Builder: this, ForError: forError));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<ApiOperation, string> _accept;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ApiOperation, string> _errorAccept;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IOpenApiMediaType, JsonNode?> _examples;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IOpenApiParameter, (string Text, ValueOrigin Origin)?> _parameterExamples;

    private string AcceptOf(ApiOperation operation, bool forError)
    {
        var responses = (operation.Model.Responses ?? []).Where(r => !Resolved.IsUnresolved(r.Value)).ToList();
        IEnumerable<string> types = forError
            ? _rules.Errors.ContentTypes.Concat(responses.Where(r => !r.Key.StartsWith('2')).SelectMany(r => r.Value.Content?.Keys ?? [])).Append("application/json")
            : responses.OrderBy(r => r.Key.StartsWith('2') ? 0 : 1).SelectMany(r => r.Value.Content?.Keys ?? []);
        var list = types.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return list.Count == 0 ? Accept(operation, forError: true) : string.Join(", ", list);
    }

    // A write that declares If-Match reads its item just before, for the current ETag.
    private PlannedRequest? ReadFirst(ApiOperation operation, Random random)
    {
        if (operation.Method is not ("PUT" or "PATCH" or "DELETE" or "POST")
            || !(operation.HeaderParameter("If-Match") is not null || (operation.Model.Responses?.ContainsKey("428") ?? false)))
        {
            return null;
        }

        return _spec.OperationsAt(operation.Path).FirstOrDefault(o => o.Method == "GET") is { } read ? Build(read, random) with { Operation = read } : null;
    }

    private static bool IsIfMatch(string? name) => string.Equals(name, "If-Match", StringComparison.OrdinalIgnoreCase);

    private static bool IsIfNoneMatch(string? name) => string.Equals(name, "If-None-Match", StringComparison.OrdinalIgnoreCase);

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
        // A login named in the rules' credentials is called with the login's body, unless the operations section gives one.
        var rulesBody = opRules?.Body ?? _rules.LoginFor(operation)?.Body;
        if (mediaType is null)
        {
            return rulesBody is { } only ? (Encoding.UTF8.GetBytes(_freshener.Freshen(only, null, random, only)?.ToJsonString() ?? "null"), "application/json") : (null, null);
        }

        var media = operation.Model.RequestBody!.Content![mediaType];
        var bodySchema = media is null || Resolved.IsUnresolved(media) ? null : media.Schema;
        var example = media is null ? null : _examples.GetOrAdd(media, m => UsableExample(m, bodySchema));

        // Every body is made fresh: no string an earlier request of the run sent (a unique key in the example would conflict).
        var value = rulesBody is { } fromRules ? _freshener.Freshen(fromRules, null, random, fromRules)
            : _freshener.Freshen(example ?? generator.Generate(bodySchema), bodySchema, random);
        var contentType = mediaType.Contains('*', StringComparison.Ordinal) ? "application/json" : mediaType;
        return (Encode(value, contentType), contentType);
    }

    // The media type's example as a body, once per media type (every probe kind builds the operation's request):
    // an example that breaks its own schema would make the happy path fail for the spec's sake, so it is not used.
    private JsonNode? UsableExample(IOpenApiMediaType media, IOpenApiSchema? schema)
    {
        var example = MediaExample(media);
        return example is not null && schema is not null && !new SchemaValidator(_spec.Document, new ValidationOptions(ValidationDirection.Request)).IsValid(example, schema) ? null : example;
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

    private (string Text, ValueOrigin Origin)? ParameterValue(IOpenApiParameter? parameter, ValueGenerator generator) =>
        parameter is null ? null
            : _parameterExamples.GetOrAdd(parameter, ParameterExample) ?? (Text(generator.Generate(parameter.Schema ?? parameter.Content?.Values.FirstOrDefault()?.Schema)), ValueOrigin.Generated);

    // The value a parameter's spec gives (its example, or its schema's example, default or enum), once per parameter:
    // every probe kind builds the operation's request. Null: the value is generated, from each request's Random.
    private static (string Text, ValueOrigin Origin)? ParameterExample(IOpenApiParameter parameter)
    {
        if (parameter.Example is { } example && !SchemaValues.IsNullSentinel(example))
        {
            return (Text(example), ValueOrigin.Example);
        }

        if (Resolved.ExampleValues(parameter.Examples).FirstOrDefault() is { } first)
        {
            return (Text(first), ValueOrigin.Example);
        }

        return parameter.Schema is { } schema && ValueGenerator.Given(schema) is { } given ? (Text(given), ValueOrigin.Example) : null;
    }

    /// <summary>Parameter text: strings as they are, arrays comma-separated (the default "simple"/"form" style), the rest as JSON.</summary>
    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonArray a => string.Join(",", a.Select(Text)),
        _ => value.ToJsonString(),
    };

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
