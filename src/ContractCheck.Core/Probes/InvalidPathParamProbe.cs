using ContractCheck.Core.Rules;
using ContractCheck.Core.Schema;
using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Probes;

/// <summary>
/// invalid-path-param: a GET or HEAD whose path parameter has a type or constraints, called with a value that breaks
/// one of them (<c>/todos/abc</c> for an integer id, below its minimum, above its maximum, not matching its pattern,
/// outside its enum, too short, too long, not its format); expects 400 or 404 (the table's row, and 422 where the
/// operation documents it or the API's validation status is 422), never a 5xx. Only safe methods: an API that does not validate may read <c>abc</c> or
/// <c>0</c> as a real item, and a read changes nothing. A string without constraints has no invalid value.
/// Options: <c>maxCases</c> per operation (default 10), <c>formats</c> (break formats too, default true).
/// </summary>
public sealed class InvalidPathParamProbe : IProbeKind
{
    public const string KindId = "invalid-path-param";
    public const int DefaultMaxCases = 10;

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => ["maxCases", "formats"];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        if (operation.Method is not ("GET" or "HEAD"))
        {
            yield break;
        }

        var settings = context.Rules.Probe(Id);
        var mutations = new Mutations(context.Spec.Document, settings.Formats ?? true);
        var literals = Literals(context.Spec);
        var cases = PathTemplate.Parse(operation.Path).ParameterNames
            .Select(name => (name, schema: operation.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Path && p.Name == name)?.Schema))
            .Where(p => p.schema is not null)
            .SelectMany(p => mutations.ForParameter(p.schema!).Select(m => (p.name, m, text: Text(m))))
            .Where(c => Sendable(c.text, literals))
            .Take(settings.MaxCases ?? DefaultMaxCases)
            .ToList();
        if (cases.Count == 0)
        {
            yield break;
        }

        if (Expected(operation, context) is not { } expected)
        {
            yield return ProbeTable.NoRow(Id, operation);
            yield break;
        }

        var valid = context.Requests.ForError(context.Requests.Build(operation, context.RandomFor(Id, operation), withBody: false), operation);
        foreach (var (name, mutation, text) in cases)
        {
            var values = new Dictionary<string, PathValue>(valid.PathValues) { [name] = new PathValue(text, ValueOrigin.Invalid) };
            yield return new Probe(Id, operation, [valid with { PathValues = values }], expected) { Label = $"{name} {mutation.Description}: {Shown(text)}" };
        }
    }

    // The table's row; and 422 where the operation documents it (the spec wins) or where 422 is the API's validation
    // status (conventions.validationStatus, 400 and 422 unless the rules say otherwise): frameworks that validate
    // parameters (go-swagger, FastAPI) refuse a malformed path value as they refuse a malformed body. An operation's
    // own expect row is taken as written.
    private static ExpectedStatus? Expected(ApiOperation operation, PlanContext context)
    {
        var expected = ProbeTable.Expect(KindId, operation, context);
        if (expected is null || ProbeTable.Override(KindId, operation, context) is not null || expected.Allows(422))
        {
            return expected;
        }

        var source = (operation.Model.Responses?.ContainsKey("422") ?? false) ? "as the spec documents"
            : context.Rules.Conventions.ValidationStatus.Contains(422) ? "as the validation status (conventions.validationStatus)"
            : null;
        return source is null ? expected : expected with { Statuses = [.. expected.Statuses, StatusPattern.Exact(422)], Source = expected.Source + ", and 422 " + source };
    }

    private static string Text(Mutation mutation) =>
        mutation.Value is System.Text.Json.Nodes.JsonValue value && value.TryGetValue(out string? text) ? text : mutation.Value?.ToJsonString() ?? "";

    // Never an empty segment, a dot segment or a slash (another path than the parameter's), nor a literal segment of
    // another path (/todos/count beside /todos/{id}): the request must reach this operation with a bad value.
    private static bool Sendable(string text, HashSet<string> literals) =>
        text.Length is > 0 and <= 2000 && text is not ("." or "..") && !text.Contains('/', StringComparison.Ordinal) && !literals.Contains(text);

    private static HashSet<string> Literals(ApiSpec spec) => LiteralsOf.GetValue(spec, s =>
        s.Operations.SelectMany(o => o.Path.Split('/')).Where(x => x.Length > 0 && !x.Contains('{', StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase));

    // Asked once per operation: computed once per spec.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ApiSpec, HashSet<string>> LiteralsOf = new();

    private static string Shown(string text) => text.Length > 24 ? text[..12] + "…" + $" ({text.Length} characters)" : text;
}
