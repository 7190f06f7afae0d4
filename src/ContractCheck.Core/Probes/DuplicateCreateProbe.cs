using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// duplicate-create: a create that documents 409 (or that <c>probes.duplicate-create.operations</c>
/// names) sent the same valid body twice; expects the second answer to be 409. An API whose spec
/// promises no uniqueness is not probed. And where the create's body lets the client choose the item's id
/// (<see cref="ExistingId"/>), a second create of another body with the id of the item the first made: 409, an id
/// names one item.
/// </summary>
public sealed class DuplicateCreateProbe : IProbeKind
{
    public const string KindId = "duplicate-create";

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => ["operations"];

    /// <summary>Whether the operation documents a 409: a create that does is sent the same body twice (init says which).</summary>
    public static bool DocumentsConflict(ApiOperation operation) => operation.Model.Responses?.ContainsKey("409") ?? false;

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        var named = context.Rules.Probe(Id).Operations.Any(s => s.Matches(operation));
        var id = ExistingId.Member(operation, context) is { ReadOnly: false } member ? member : ((string Member, Microsoft.OpenApi.IOpenApiSchema Schema, bool ReadOnly)?)null;
        var sameBody = named || DocumentsConflict(operation);
        if (!context.Resources.IsCreate(operation) || !(sameBody || id is not null))
        {
            yield break;
        }

        var expected = ProbeTable.Expect(Id, operation, context);
        if (expected is null)
        {
            yield return ProbeTable.NoRow(Id, operation);
            yield break;
        }

        if (sameBody)
        {
            // One fresh body, sent twice: the second must conflict with the first, and is sent only if the first was accepted.
            var random = context.RandomFor(Id, operation);
            var request = context.Requests.Build(operation, random);
            var first = request with { Step = Steps.Create, Expect = Expectations.Success(operation, context, HappyPathProbe.KindId) };
            var second = context.Requests.ForError(context.Requests.NewAttempt(request, random), operation) with { Step = Steps.Duplicate, Requires = Steps.Create, Expect = expected };
            yield return new Probe(Id, operation, [first, second], expected);
        }

        if (id is { } chosen && ExistingId.Requests(operation, context, Id, chosen, expected) is { } requests)
        {
            yield return new Probe(Id, operation, requests, expected) { Label = $"the {chosen.Member} of an existing item", Creates = context.Resources.CreatedKey(operation) };
        }
    }
}
