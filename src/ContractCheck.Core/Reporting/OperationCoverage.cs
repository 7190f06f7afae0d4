using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Reporting;

/// <summary>One row of the coverage matrix: an operation's probes by kind and its response statuses.</summary>
/// <param name="Operation">The operation (probes of methods the spec does not declare count under the path's first operation).</param>
/// <param name="Probes">Per probe kind, in plan order.</param>
/// <param name="Documented">The statuses its spec documents ("200", "4XX", "default").</param>
/// <param name="Seen">Statuses its answers had.</param>
/// <param name="NeverSeen">Documented statuses no answer had.</param>
/// <param name="Undocumented">Statuses answers had that the spec does not document.</param>
/// <param name="Exercised">True when one of its own probes was sent and judged.</param>
public sealed record OperationCoverage(
    ApiOperation Operation,
    IReadOnlyList<ProbeCoverage> Probes,
    IReadOnlyList<string> Documented,
    IReadOnlyList<int> Seen,
    IReadOnlyList<string> NeverSeen,
    IReadOnlyList<int> Undocumented,
    bool Exercised)
{
    public ProbeCoverage? Kind(string kind) => Probes.FirstOrDefault(p => p.Kind == kind);
}
