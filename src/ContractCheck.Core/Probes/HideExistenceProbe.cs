using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// hide-existence (opt-in with <c>conventions.hideExistence: true</c>): a protected item operation
/// called for a real item (one the run created) without credentials, and as the other identity
/// (<c>identities.other</c>, a user who has no access to it); expects 401 or 404, never 403,
/// which would confirm that the item exists.
/// </summary>
public sealed class HideExistenceProbe : IProbeKind
{
    public const string KindId = "hide-existence";

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        var template = PathTemplate.Parse(operation.Path);
        if (!context.Rules.Conventions.HideExistence || !context.RequiresAuth(operation) || !template.EndsWithParameter || operation.Method is not ("GET" or "HEAD"))
        {
            yield break;
        }

        var key = ResourceMap.BindingKey(operation.Path, template.ParameterNames.Last());
        if (!context.Resources.HasCreator(key))
        {
            yield return new Probe(Id, operation, [], null, $"needs a real item and the spec has no create for {key}");
            yield break;
        }

        foreach (var probe in ProbeTable.Single(Id, operation, context, (valid, _) => Credentials.Without(valid, context.Spec, context.Rules)))
        {
            yield return probe;
        }

        if (context.Rules.Identities.ContainsKey(IdentityNames.Other) && ProbeTable.Expect(Id, operation, context) is { } expected)
        {
            var request = context.Requests.Build(operation, context.RandomFor(Id + " as other", operation), identity: IdentityNames.Other);
            yield return new Probe(Id, operation, [context.Requests.ForError(request, operation)], expected) { Label = "as other" };
        }
    }
}
