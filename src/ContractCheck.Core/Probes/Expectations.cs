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

        // An operation documented only with errors ("always answers 501") is held to what it documents, not to a 2xx.
        if (DocumentedOnlyErrors(operation) is { Count: > 0 } errors)
        {
            return new ExpectedStatus(errors, $"the spec documents no success for {operation.Key}, only {string.Join(", ", errors)}");
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

    /// <summary>The statuses of an operation that documents responses but no 2xx (and no default): its errors; else empty.</summary>
    public static IReadOnlyList<StatusPattern> DocumentedOnlyErrors(ApiOperation operation)
    {
        var keys = ((IEnumerable<string>?)operation.Model.Responses?.Keys ?? []).ToList();
        if (keys.Count == 0 || keys.Any(k => k.StartsWith('2') || k.Equals("default", StringComparison.OrdinalIgnoreCase)))
        {
            return [];
        }

        return keys.Select(k => StatusPattern.TryParse(k, out var p) ? p : (StatusPattern?)null).OfType<StatusPattern>().ToList();
    }

    /// <summary>"create" for a collection create, else the method.</summary>
    public static string TableKey(ApiOperation operation, ResourceMap resources) => resources.IsCreate(operation) ? "create" : operation.Method;
}
