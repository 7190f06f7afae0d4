using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Checks;

/// <summary>status-documented: the status is one the spec documents for the operation (or covers by a range or default).</summary>
public sealed class StatusIsDocumented : ICheck
{
    public const string CheckId = "status-documented";
    private const string Title = "Undocumented HTTP status code";

    public string Id => CheckId;

    public string Description => "the response status is documented for the operation (exactly, by a 4XX-style range, or by default)";

    // Deliberately wrong requests are judged by the design table; that the spec forgets their 415 or 422
    // is a gap in the spec, reported as a design note, not an API failure.
    private static readonly HashSet<string> JudgedProbes = [HappyPathProbe.KindId, LifecycleProbe.KindId];

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (!JudgedProbes.Contains(context.Probe.Kind) || context.Exchange.Planned.Step is Steps.ReadAfterDelete or Steps.DeleteAgain)
        {
            yield break;
        }

        var documented = context.Operation.Model.Responses?.Keys.ToList() ?? [];
        if (documented.Count == 0)
        {
            yield break;
        }

        var status = context.Response.Status;
        yield return context.DocumentedKey is not null
            ? Finding.Pass(Id, Title, $"{status} is documented as '{context.DocumentedKey}'")
            : Finding.Fail(Id, Title, $"{status} is not among the documented responses", string.Join(", ", documented), status.ToString(), "the spec, " + context.Operation.Key);
    }
}
