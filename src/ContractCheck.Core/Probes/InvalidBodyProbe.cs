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
/// (break formats too, default true). Where a create's id member is readOnly (<see cref="ExistingId"/>), one more case
/// sends it with the id of the item the probe's own create made: refused with the validation status, or ignored (a 2xx
/// whose new item has its own id, judged by read-only-id) — JSON Schema's readOnly: ignored or rejected, never taken.
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

        if (ExistingId.Member(operation, context) is { ReadOnly: true } id)
        {
            // Besides the validation status, what the table's read-only-id row accepts (2xx: the id ignored).
            var ignoredOrRefused = ProbeTable.Step(Id, Steps.ReadOnlyId, context) is { } ignored
                ? expected with { Statuses = [.. expected.Statuses, .. ignored.Statuses], Source = $"{expected.Source}, or {ignored.Source}" }
                : expected;
            var label = $"readOnly '{id.Member}' of an existing item";
            // A readOnly id is never in the generated body, so there are always the two requests.
            var requests = ExistingId.Requests(operation, context, Id, id, ignoredOrRefused)!;
            var stateless = context.Stateful ? null : "needs an API that keeps what it is sent, and this one is stateless (conventions.stateful: false or --stateless)";
            yield return new Probe(Id, operation, requests, ignoredOrRefused, stateless) { Label = label, Creates = context.Resources.CreatedKey(operation) };
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
