using System.Text.Json.Nodes;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Rules;

/// <summary>
/// The rules file's vocabulary, in one place: every key of every mapping, what it holds, what it means and its
/// default. The parser takes each mapping's allowed keys from here; <see cref="RulesSchema"/> writes the JSON Schema
/// from it and <c>contractcheck init</c> the commented defaults. Probe and check ids come from the registries
/// (<see cref="RulesVocabulary"/>). A new key is added here, then read in the parser.
/// </summary>
internal static class RulesKeys
{
    private static readonly RuleShape.Scalar Text = new(ScalarKind.Text);
    public static readonly RuleShape.Scalar Bool = new(ScalarKind.Boolean);
    private static readonly RuleShape.Scalar Selector = new(ScalarKind.Selector);
    public static readonly RuleShape.List Selectors = new(Selector, OrSingle: true);
    public static readonly RuleShape.List Statuses = new(new RuleShape.Scalar(ScalarKind.Status), OrSingle: true);
    private static readonly RuleShape.List Texts = new(Text, OrSingle: true);
    private static readonly RuleShape.List Regexes = new(new RuleShape.Scalar(ScalarKind.Regex), OrSingle: true);
    private static readonly RuleShape.Scalar Any = new(ScalarKind.Any);
    private static readonly RuleShape.Named TextsByName = new(Text, "a name", "id");

    public static readonly RuleShape.Map AuthHeader = new(
        new RuleKey("name", Text, "The header's name, e.g. X-Api-Key.") { Required = true },
        new RuleKey("value", Text, "Its value, e.g. ${API_KEY}.") { Required = true });

    public static readonly RuleShape.Map AuthBasic = new(
        new RuleKey("username", Text, "The user name.") { Required = true },
        new RuleKey("password", Text, "The password, e.g. ${API_PASSWORD}."));

    public static readonly RuleShape.Map AuthQuery = new(
        new RuleKey("name", Text, "The query parameter's name, e.g. api_key.") { Required = true },
        new RuleKey("value", Text, "Its value, e.g. ${API_KEY}.") { Required = true });

    public static readonly RuleShape.Map Login = new(
        new RuleKey("operation", Selector, "The login operation of the spec: its operationId or \"POST /login\".") { Required = true },
        new RuleKey("body", Any, "The body it is sent, e.g. {username: alice, password: ${PW}}."),
        new RuleKey("token", new RuleShape.Scalar(ScalarKind.JsonPath), "Where its answer holds the token: a JSON pointer (/access_token) or path ($.data.token).") { Required = true },
        new RuleKey("scheme", Text, "The word before the token in Authorization (default Bearer)."),
        new RuleKey("header", Text, "Another header the bare token goes in, e.g. X-Auth-Token."));

    public static readonly RuleShape.Map OAuth2 = new(
        new RuleKey("clientId", Text, "The client id (client-credentials grant at the spec's token URL).") { Required = true },
        new RuleKey("clientSecret", Text, "The client secret, e.g. ${CLIENT_SECRET}.") { Required = true },
        new RuleKey("scopes", Texts, "The scopes to ask for."));

    public static readonly RuleShape.Map Command = new(
        new RuleKey("run", Text, "The command that prints the token.") { Required = true },
        new RuleKey("timeout", new RuleShape.Scalar(ScalarKind.Duration), "How long it may take (at most 10m)."),
        new RuleKey("scheme", Text, "The word before the token in Authorization (default Bearer)."),
        new RuleKey("header", Text, "Another header the bare token goes in, e.g. X-Auth-Token."));

    /// <summary>The forms of credentials <c>auth</c> and every identity take.</summary>
    public static readonly RuleKey[] CredentialForms =
    [
        new("bearer", Text, "Authorization: Bearer <token>, e.g. ${API_TOKEN}."),
        new("header", AuthHeader, "An API key in a header."),
        new("basic", AuthBasic, "HTTP Basic authentication."),
        new("query", AuthQuery, "An API key in the query string."),
        new("login", Login, "Fetch a token from the API's login operation before the run."),
        new("oauth2", OAuth2, "Fetch a token with the OAuth 2.0 client-credentials grant."),
        new("command", new RuleShape.Either([Text, Command]), "Run a command that prints the token."),
    ];

    public static readonly RuleShape.Map Auth = new(CredentialForms);

    // An identity needs credentials: at least one form (header first, a form beside any token source).
    private static readonly string[] AnyForm = ["header", .. CredentialForms.Select(k => k.Name).Where(n => n != "header")];

    public static readonly RuleShape.Map OtherIdentity = new(CredentialForms) { AtLeastOne = AnyForm };

    public static readonly RuleShape.Map LimitedIdentity = new([.. CredentialForms, new RuleKey("may", Selectors, "The operations it is allowed, e.g. [\"GET /**\", \"HEAD /**\"] ([] for none).") { Required = true }]) { AtLeastOne = AnyForm };

    public static readonly RuleShape.Map Identities = new(
        new RuleKey(IdentityNames.Other, OtherIdentity, "Another user: must see none of the main identity's items (cross-identity)."),
        new RuleKey(IdentityNames.Limited, LimitedIdentity, "A user allowed only the operations in may (insufficient-permission, permitted)."));

    public static readonly RuleShape.Map Errors = new(
        new RuleKey("schema", new RuleShape.Either([new RuleShape.Scalar(ScalarKind.Text) { Pattern = "^#/" }, new RuleShape.Named(Any, "a JSON Schema keyword", "type")]), "The shape of every 4xx/5xx body (check error-shape): a $ref into the spec such as \"#/components/schemas/Error\", or an inline schema."),
        new RuleKey("contentTypes", Texts, "The media types error bodies may come as, e.g. [application/json, application/problem+json]."));

    public static readonly RuleShape.Map Conventions = new(
        new RuleKey("validationStatus", new RuleShape.List(new RuleShape.Scalar(ScalarKind.Integer) { Words = ["400", "422"] }, OrSingle: true), "The status a body that breaks its schema gets: 400, 422 or [400, 422].") { Default = Numbers(Rules.Conventions.Default.ValidationStatus) },
        new RuleKey("hideExistence", Bool, "Items behind credentials must look missing without them (404 or 401, never 403): runs the hide-existence probe.") { Default = Rules.Conventions.Default.HideExistence },
        new RuleKey("maxResponseMs", new RuleShape.Scalar(ScalarKind.Integer) { Minimum = 1, Maximum = 600_000 }, "The response-time budget in milliseconds (check response-time).") { Default = Rules.Conventions.Default.MaxResponseMs },
        new RuleKey("validateFormats", Bool, "Assert formats (date-time, uuid, email, …) in schemas; false makes them annotations.") { Default = Rules.Conventions.Default.ValidateFormats },
        new RuleKey("stateful", Bool, "false for a mock that keeps nothing: the probes that need state (not-found, duplicate-create, lifecycle) are skipped.") { Default = Rules.Conventions.Default.Stateful });

    public static readonly RuleShape.Map RateLimit = new(
        new RuleKey("operation", Selector, "The operation to burst: an operationId or \"GET /items\".") { Required = true },
        new RuleKey("requests", new RuleShape.Scalar(ScalarKind.Integer) { Minimum = 1, Maximum = 100_000 }, "How many requests to send; past the limit, some must be throttled.") { Required = true },
        new RuleKey("within", new RuleShape.Scalar(ScalarKind.Duration), "The time they are meant to land in, e.g. 2s.") { Required = true },
        new RuleKey("concurrency", new RuleShape.Scalar(ScalarKind.Integer) { Minimum = 1, Maximum = 256 }, "Requests in flight at once.") { Default = RateLimitRule.DefaultConcurrency },
        new RuleKey("expect", new RuleShape.Scalar(ScalarKind.Integer) { Minimum = 400, Maximum = 599 }, "The throttling status.") { Default = RateLimitRule.DefaultExpect });

    /// <summary>The type of each probe option a probe kind may name in its <see cref="IProbeKind.OptionKeys"/>.</summary>
    public static readonly IReadOnlyList<RuleKey> ProbeOptions =
    [
        new("maxCases", new RuleShape.Scalar(ScalarKind.Integer) { Minimum = 1, Maximum = 1000 }, "Most cases planned per operation.") { Default = InvalidBodyProbe.DefaultMaxCases },
        new("formats", Bool, "Also break formats (date-time, uuid, email, …).") { Default = true },
        new("operations", Selectors, "Also run on these operations (operationId or \"POST /items\"), beyond those the spec marks."),
        new("ignoreMethods", new RuleShape.List(new RuleShape.Scalar(ScalarKind.Text) { Words = HttpMethods.Standard, IgnoreCase = true }, OrSingle: true), "Methods never tried.") { Default = new JsonArray([.. WrongMethodProbe.DefaultIgnored.Select(m => JsonValue.Create(m))]) },
        new("strict", Bool, "A 2xx that disregards Accept fails (RFC 9110 §12.5.1 allows it: not judged by default).") { Default = false },
        new("header", Text, "The request header that carries the idempotency key.") { Default = IdempotencyKeyProbe.DefaultHeader },
    ];

    public static readonly RuleShape.Map Conditions = new(
        new RuleKey("headers", new RuleShape.Either([new RuleShape.List(Text, OrSingle: true), new RuleShape.Named(new RuleShape.Either([new RuleShape.Scalar(ScalarKind.Regex), new RuleShape.Null()]), "a header name", "X-Request-Id")]), "Headers that are present: a list of names, or {Name: regex} to match their values too (null: only present)."),
        new RuleKey("body", new RuleShape.Scalar(ScalarKind.Text) { Words = ["empty", "non-empty"] }, "The body is empty or not (a 204 announcing a body by Content-Length counts as a body)."),
        new RuleKey("bodyMatches", Regexes, "Regular expressions the body matches (.NET syntax, 250 ms per match)."),
        new RuleKey("json", new RuleShape.Named(Any, "a JSON path such as $.success", "$.success"), "Values at JSON paths of the body, e.g. {$.success: false}."),
        new RuleKey("schema", Any, "Not in a table row: every body is already checked against the spec's schema.") { Refused = true },
        new RuleKey("contentType", Texts, "The Content-Type is one of these (parameters ignored, +json understood)."));

    /// <summary>A row of <c>responses</c>.</summary>
    public static RuleShape.Map Row(RulesVocabulary vocabulary) => new(
        new RuleKey("status", Statuses, "The statuses this row is about: a code (201), a class (4xx), or a list.") { Required = true },
        new RuleKey("probe", new RuleShape.List(new RuleShape.Scalar(ScalarKind.Text) { Words = [.. vocabulary.ProbeIds] }, OrSingle: true), "Only for the answers to these probes."),
        new RuleKey("operation", Selectors, "Only for these operations (operationId, \"METHOD /path\", or a glob)."),
        new RuleKey("deprecated", Bool, "true: only for operations the spec marks deprecated: true.") { Default = false },
        new RuleKey("sunset", Bool, "true: only for operations with a sunset date (the spec's x-sunset, or operations.<op>.sunset).") { Default = false },
        new RuleKey("check", new RuleShape.Scalar(ScalarKind.Text) { Words = vocabulary.CheckIds }, "The check id the row reports under (and is switched off with).") { Default = ResponseRule.DefaultCheck },
        new RuleKey("why", Text, "The reason, said in every failure of the row."),
        new RuleKey("require", Conditions, "What such responses must carry (every condition must hold)."),
        new RuleKey("forbid", Conditions, "What such responses must not carry (none may hold).")) { AtLeastOne = ["require", "forbid"] };

    /// <summary>The keys of an <c>expect</c> entry given by method: the methods, <c>create</c>, <c>*</c> / <c>status</c> (any method), the lifecycle's and burst's own steps, and <c>why</c>.</summary>
    public static readonly string[] ExpectKeys = [.. HttpMethods.Standard, "create", "*", "status", "why", .. Steps.TableKeys];

    /// <summary>An <c>expect</c> entry given by method.</summary>
    public static readonly RuleShape.Map ExpectByMethod = new([.. ExpectKeys.Select(k => k == "why"
        ? new RuleKey(k, Text, "The reason, said in every failure of the row.")
        : new RuleKey(k, Statuses, ExpectKeyMeaning(k)))]);

    /// <summary>The top-level keys, in order.</summary>
    public static readonly string[] TopLevel = ["extends", "auth", "identities", "errors", "conventions", "rateLimit", "probes", "operations", "responses", "skip", "checks", "expect", "strict"];

    /// <summary>The options <c>probes.&lt;id&gt;</c> takes: the kind's own, then <c>enabled</c>.</summary>
    public static RuleShape.Map ProbeSettings(IReadOnlyList<string> optionKeys) => new(
        [.. optionKeys.Select(k => ProbeOptions.FirstOrDefault(o => o.Name == k) ?? new RuleKey(k, Any, "(no type declared in RulesKeys.ProbeOptions)")),
         new RuleKey("enabled", Bool, "false switches the probe off.") { Default = true }]);

    /// <summary>Per operation: the <c>operations.&lt;selector&gt;</c> mapping.</summary>
    public static RuleShape.Map Operation(RulesVocabulary vocabulary) => new(
        new RuleKey("params", TextsByName, "Path, query, header or cookie parameters by name, e.g. {id: 42}."),
        new RuleKey("body", Any, "The request body to send (YAML), with {{uuid}}, {{random}} and {{timestamp}} refilled for every request."),
        new RuleKey("headers", TextsByName, "Headers to add to every request of the operation."),
        new RuleKey("expect", ByProbe(vocabulary, _ => Statuses), "The expected status of a probe on this operation, e.g. {happy-path: 200}."),
        new RuleKey("id", new RuleShape.Scalar(ScalarKind.JsonPath), "Where the create's answer holds the new id, e.g. $.data.uuid (else Location, links, \"id\")."),
        new RuleKey("public", Bool, "Called without credentials by design (a login): no auth probes.") { Default = false },
        new RuleKey("sunset", new RuleShape.Scalar(ScalarKind.Date), "The date the operation goes away (2027-06-30, a date-time or an HTTP-date), where the spec's x-sunset does not say."));

    /// <summary>The whole file.</summary>
    public static RuleShape.Map Root(RulesVocabulary vocabulary)
    {
        RuleKey[] keys =
        [
            new("extends", Texts, "The rule sets this file builds on: built-in sets (" + string.Join(", ", BuiltInRuleSets.Names) + ") or files, relative to this one.") { Default = new JsonArray([.. BuiltInRuleSets.Defaults.Select(n => JsonValue.Create(n))]) },
            new("auth", Auth, "The credentials of the run; values may be ${ENV} placeholders, and are masked in every report."),
            new("identities", Identities, "More identities, for the authorization probes."),
            new("errors", Errors, "The error shape every 4xx/5xx must have (check error-shape)."),
            new("conventions", Conventions, "The API's conventions."),
            new("rateLimit", new RuleShape.List(RateLimit, OrSingle: false), "The burst probe: operations that must throttle past a documented limit."),
            new("probes", ByProbe(vocabulary, id => new RuleShape.Either([Bool, ProbeSettings(vocabulary.ProbeOptions[id])])), "Switch probe kinds off (bad-json: off), or tune them."),
            new("operations", new RuleShape.Named(Operation(vocabulary), "an operation: operationId, \"METHOD /path\" or a glob", "createItem"), "Per operation: parameters, body, headers, expected statuses."),
            new("responses", new RuleShape.List(Row(vocabulary), OrSingle: false), "Your own table rows: for responses with a status, what they must carry or must not."),
            new("skip", Selectors, "Operations never touched, e.g. [\"DELETE /admin/**\"]."),
            new("checks", new RuleShape.Map([.. vocabulary.CheckIds.Select(id => new RuleKey(id, Bool, "") { Default = true })]), "Switch checks off by id: false or off (contractcheck checks lists them)."),
            new("expect", ByProbe(vocabulary, _ => new RuleShape.Either([Statuses, ExpectByMethod])), "The status table by probe and method (see rules/rest.yaml)."),
            new("strict", Bool, "true: design warnings about the spec fail the run.") { Default = false },
        ];
        return new RuleShape.Map([.. TopLevel.Select(name => keys.Single(k => k.Name == name))]);
    }

    private static RuleShape.Map ByProbe(RulesVocabulary vocabulary, Func<string, RuleShape> shape) =>
        new([.. vocabulary.ProbeIds.Select(id => new RuleKey(id, shape(id), "The " + id + " probe."))]);

    private static string ExpectKeyMeaning(string key) => key switch
    {
        "create" => "A POST that creates an item of a collection.",
        "*" or "status" => "Any method the row does not name.",
        Steps.ReadAfterDelete => "The lifecycle's read of the deleted item.",
        Steps.DeleteAgain => "The lifecycle's second delete.",
        Steps.Recovery => "The burst's request after waiting the Retry-After.",
        Steps.NoIfMatch => "conditional-write's write without If-Match, where the spec documents 428.",
        Steps.OtherBody => "idempotency-key's create with a key already used for another body.",
        Steps.NoKey => "idempotency-key's create without the key, where the spec requires it.",
        Steps.ReadOnlyId => "invalid-body's create carrying an existing item's readOnly id: accepted besides the validation status.",
        _ => key + " requests.",
    };

    private static JsonArray Numbers(IEnumerable<int> values) => new([.. values.Select(v => JsonValue.Create(v))]);
}
