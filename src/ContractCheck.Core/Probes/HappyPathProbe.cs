using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// happy-path: a valid request with valid credentials; expects the documented success status (or the
/// table's status by method where the spec documents none). A public operation (<see cref="PlanContext.IsPublic"/>)
/// is called without credentials: one that demands them although its spec says it is public fails here.
/// </summary>
public sealed class HappyPathProbe : IProbeKind
{
    public const string KindId = "happy-path";

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        var request = context.Requests.Build(operation, context.RandomFor(Id, operation));
        var expected = Expectations.Success(operation, context, Id);
        string? label = null;
        if (context.IsPublic(operation) && Credentials.Without(request, context.Spec, context.Rules) is var bare && !SameRequest(bare, request))
        {
            (request, label) = (bare, "without credentials");
            expected = expected with { Why = PublicWhy(operation, context) };
        }

        yield return new Probe(Id, operation, [request], expected)
        {
            Label = label,
            Creates = context.Resources.CreatedKey(operation),
            BindAs = context.Resources.CreatedKey(operation),
        };
    }

    private static bool SameRequest(PlannedRequest a, PlannedRequest b) => a.Headers.SequenceEqual(b.Headers) && a.Query.SequenceEqual(b.Query);

    private static string PublicWhy(ApiOperation operation, PlanContext context) =>
        context.Rules.ForOperation(operation)?.Public == true
            ? $"the rules call {operation.OperationId ?? operation.Key} public ({Rules.RulesPath.Operation(operation.OperationId ?? operation.Key, "public")}): it answers without credentials"
            : "the spec marks the operation public (security: [] under a global requirement): it answers without credentials";
}
