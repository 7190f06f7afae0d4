using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Probes;

/// <summary>
/// idempotency-key: a POST whose spec declares an Idempotency-Key header (draft-ietf-httpapi-idempotency-key-header):
/// a create with a new key; the same key and body again must be answered as the first, creating nothing more; the
/// same key with another body must be refused with 422; where the header is required, a create without it with 400.
/// Everything created is tracked and deleted like every create. Option <c>header</c> names another header.
/// </summary>
public sealed class IdempotencyKeyProbe : IProbeKind
{
    public const string KindId = "idempotency-key";

    public const string DefaultHeader = "Idempotency-Key";

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => ["header"];

    /// <summary>The header that carries the key: <c>probes.idempotency-key.header</c>, else Idempotency-Key.</summary>
    public static string HeaderName(RuleSet rules) => rules.Probe(KindId).Header ?? DefaultHeader;

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        var name = HeaderName(context.Rules);
        if (operation.Method != "POST" || operation.HeaderParameter(name) is not { } parameter)
        {
            yield break;
        }

        var random = context.RandomFor(Id, operation);
        var first = context.Requests.Build(operation, random) with { Step = Steps.Create, Expect = Expectations.Success(operation, context, HappyPathProbe.KindId), JudgedBy = [] };
        var other = context.Requests.Build(operation, random);
        var key = first.Headers.First(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
        var steps = new List<PlannedRequest>
        {
            first,
            first with { Step = Steps.Replay, Requires = Steps.Create, JudgedBy = null },
        };

        if (ProbeTable.Step(Id, Steps.OtherBody, context) is { } reused)
        {
            var sameKey = other.Headers.Select(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase) ? key : h).ToList();
            steps.Add(context.Requests.ForError(other with { Headers = sameKey }, operation) with { Step = Steps.OtherBody, Requires = Steps.Create, Expect = reused });
        }

        if (parameter.Required && ProbeTable.Step(Id, Steps.NoKey, context) is { } missing)
        {
            var none = context.Requests.Build(operation, random);
            steps.Add(context.Requests.ForError(none with { Headers = [.. none.Headers.Where(h => !h.Key.Equals(name, StringComparison.OrdinalIgnoreCase))] }, operation) with { Step = Steps.NoKey, Expect = missing });
        }

        yield return new Probe(Id, operation, steps, steps[1].Expect);
    }
}
