using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// happy-path: a valid request with valid credentials; expects the documented success status (or the
/// table's status by method where the spec documents none).
/// </summary>
public sealed class HappyPathProbe : IProbeKind
{
    public const string KindId = "happy-path";

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        var request = context.Requests.Build(operation, context.RandomFor(Id, operation));
        yield return new Probe(Id, operation, [request], Expectations.Success(operation, context, Id))
        {
            Creates = context.Resources.CreatedKey(operation),
            BindAs = context.Resources.CreatedKey(operation),
        };
    }
}
