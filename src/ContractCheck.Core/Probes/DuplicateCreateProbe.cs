using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// duplicate-create: a create that documents 409 (or that <c>probes.duplicate-create.operations</c>
/// names) sent the same valid body twice; expects the second answer to be 409. An API whose spec
/// promises no uniqueness is not probed.
/// </summary>
public sealed class DuplicateCreateProbe : IProbeKind
{
    public string Id => "duplicate-create";

    public IReadOnlyList<string> OptionKeys => ["operations"];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        var named = context.Rules.Probe(Id).Operations.Any(s => s.Matches(operation));
        if (!context.Resources.IsCreate(operation) || !(named || (operation.Model.Responses?.ContainsKey("409") ?? false)))
        {
            yield break;
        }

        var expected = ProbeTable.Expect(Id, operation, context);
        if (expected is null)
        {
            yield return ProbeTable.NoRow(Id, operation);
            yield break;
        }

        var request = context.Requests.Build(operation, context.RandomFor(Id, operation));
        var first = request with { Expect = Expectations.Success(operation, context, HappyPathProbe.KindId) };
        var second = request with { Expect = expected with { AfterSuccess = true } };
        yield return new Probe(Id, operation, [first, second], expected);
    }
}
