using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// Decides a probe's expected status: the rules' per-operation override, else what the spec documents,
/// else the design table by method ("create" for a POST that creates a collection item).
/// </summary>
public static class Expectations
{
    public static ExpectedStatus Success(ApiOperation operation, PlanContext context, string probe)
    {
        if (ProbeTable.Override(probe, operation, context) is { } overridden)
        {
            return overridden;
        }

        var documented = DocumentedSuccess(operation);
        if (documented.Count > 0)
        {
            return new ExpectedStatus(documented, "the spec documents " + string.Join(", ", documented));
        }

        var key = TableKey(operation, context.Resources);
        var fromTable = context.Rules.Expect.Find(probe, key);
        return fromTable is null
            ? new ExpectedStatus([StatusPattern.Class(2)], "any success (no table row)")
            : new ExpectedStatus(fromTable, $"the rules table expect.{probe}.{key}");
    }

    /// <summary>The 2xx statuses the spec documents for an operation (codes and 2XX ranges).</summary>
    public static IReadOnlyList<StatusPattern> DocumentedSuccess(ApiOperation operation) =>
        ((IEnumerable<string>?)operation.Model.Responses?.Keys ?? [])
            .Where(k => k.StartsWith('2'))
            .Select(k => StatusPattern.TryParse(k, out var p) ? p : (StatusPattern?)null)
            .OfType<StatusPattern>()
            .ToList();

    /// <summary>"create" for a collection create, else the method.</summary>
    public static string TableKey(ApiOperation operation, ResourceMap resources) => resources.IsCreate(operation) ? "create" : operation.Method;
}
