using System.Text.Json;
using System.Text.Json.Nodes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Schema;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// invalid-body: well-formed JSON that breaks the body's schema, one case per broken rule (a required
/// property removed, a wrong type, a constraint broken); expects <c>conventions.validationStatus</c>
/// (400 or 422), never 2xx, never 5xx. Options: <c>maxCases</c> per operation (default 25), <c>formats</c>
/// (break formats too, default true).
/// </summary>
public sealed class InvalidBodyProbe : IProbeKind
{
    public const int DefaultMaxCases = 25;

    public string Id => "invalid-body";

    public IReadOnlyList<string> OptionKeys => ["maxCases", "formats"];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        if (RequestBuilder.BodyMediaType(operation) is not { } type || !MediaTypes.IsJson(type)
            || operation.Model.RequestBody!.Content![type]?.Schema is not { } schema)
        {
            yield break;
        }

        var expected = Expected(operation, context);
        var valid = context.Requests.Build(operation, context.RandomFor(Id, operation));
        JsonNode? value;
        try
        {
            value = valid.Body is null ? null : JsonNode.Parse(valid.Body);
        }
        catch (JsonException)
        {
            yield break;
        }

        var settings = context.Rules.Probe(Id);
        var request = context.Requests.ForError(valid, operation);
        var index = 0;
        foreach (var mutation in new Mutations(context.Spec.Document, settings.Formats ?? true).For(schema, value).Take(settings.MaxCases ?? DefaultMaxCases))
        {
            // Each case its own fresh values, so that one wrongly accepted case cannot change the answer to the next.
            var body = context.Requests.Refresh(operation, mutation.Value, context.RandomFor($"{Id} {index++}", operation), mutation.Pointer);
            yield return new Probe(Id, operation, [request with { Body = body }], expected) { Label = mutation.Description };
        }
    }

    private ExpectedStatus Expected(ApiOperation operation, PlanContext context)
    {
        if (ProbeTable.Override(Id, operation, context) is { } overridden)
        {
            return overridden with { Why = context.Rules.Expect.Why(Id) };
        }

        var statuses = context.Rules.Conventions.ValidationStatus.Select(StatusPattern.Exact).ToList();
        return new ExpectedStatus(statuses, "conventions.validationStatus in the rules", context.Rules.Expect.Why(Id));
    }
}
