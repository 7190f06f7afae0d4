using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// cross-identity (needs <c>identities.other</c>): broken object-level authorization (OWASP API1:2023). For each
/// protected item operation, a chain of its own: the main identity creates an item, the other identity calls the
/// operation on it (read, update, delete) and must be refused — 403 or 404, never 2xx — and for a write the main
/// identity reads the item back: it must be unchanged. The other identity touches no item but this chain's.
/// </summary>
public sealed class CrossIdentityProbe : IProbeKind
{
    public const string KindId = "cross-identity";

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        if (!context.Rules.Identities.ContainsKey(IdentityNames.Other) || !context.RequiresAuth(operation) || operation.IsUndeclared
            || !PathTemplate.Parse(operation.Path).EndsWithParameter)
        {
            yield break;
        }

        if (OwnItem.Unavailable(operation, context) is { } why)
        {
            yield return new Probe(Id, operation, [], null, why);
            yield break;
        }

        if (ProbeTable.Expect(Id, operation, context) is not { } expected)
        {
            yield return ProbeTable.NoRow(Id, operation);
            yield break;
        }

        // After a write the owner reads the item back: whatever the other identity was answered, nothing may have changed.
        yield return OwnItem.AsAnother(Id, operation, context, context.RandomFor(Id, operation), IdentityNames.Other, Steps.AsOther, expected, refused: true);
    }
}
