using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>wrong-content-type: the valid body sent as a media type the operation does not declare; expects 415.</summary>
public sealed class WrongContentTypeProbe : IProbeKind
{
    private const string Undeclared = "text/plain";
    private const string Fallback = "application/x-contractcheck-undeclared";

    public string Id => "wrong-content-type";

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        var declared = operation.Model.RequestBody?.Content?.Keys.ToList();
        if (declared is not { Count: > 0 })
        {
            return [];
        }

        // An operation that takes any type (*/*) has no wrong one.
        var type = new[] { Undeclared, Fallback }.FirstOrDefault(t => !declared.Any(d => MediaTypes.Matches(t, d)));
        return type is null ? [] : ProbeTable.Single(Id, operation, context, (valid, _) => valid with { ContentType = type });
    }
}
