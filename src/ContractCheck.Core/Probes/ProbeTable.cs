using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>A negative probe's expectation: the operation's override in the rules, else the design table's row for the probe.</summary>
public static class ProbeTable
{
    public static ExpectedStatus? Expect(string probe, ApiOperation operation, PlanContext context)
    {
        if (Override(probe, operation, context) is { } overridden)
        {
            return overridden with { Why = context.Rules.Expect.Why(probe) };
        }

        var row = context.Rules.Expect.Find(probe, operation.Method);
        return row is null ? null : new ExpectedStatus(row, $"the rules table expect.{probe}", context.Rules.Expect.Why(probe));
    }

    /// <summary>The statuses <c>operations.&lt;op&gt;.expect.&lt;probe&gt;</c> sets for this operation, if any.</summary>
    public static ExpectedStatus? Override(string probe, ApiOperation operation, PlanContext context) =>
        context.Rules.ForOperation(operation)?.Expect.GetValueOrDefault(probe) is { } statuses
            ? new ExpectedStatus(statuses, $"{Rules.RulesPath.Operation(operation.OperationId ?? operation.Key, "expect." + probe)} in the rules")
            : null;

    /// <summary>
    /// The usual negative probe: one request, the operation's valid one changed by <paramref name="variant"/>,
    /// judged by the table's row; where the tables have no row, a skipped probe saying so.
    /// </summary>
    public static IEnumerable<Probe> Single(string probe, ApiOperation operation, PlanContext context, Func<PlannedRequest, Random, PlannedRequest> variant)
    {
        if (Expect(probe, operation, context) is not { } expected)
        {
            return [NoRow(probe, operation)];
        }

        var random = context.RandomFor(probe, operation);
        return [new Probe(probe, operation, [variant(context.Requests.ForError(context.Requests.Build(operation, random), operation), random)], expected)];
    }

    /// <summary>The row of one step of a multi-request probe (<c>expect.lifecycle.read-after-delete</c>), or null.</summary>
    public static ExpectedStatus? Step(string probe, string step, PlanContext context) =>
        context.Rules.Expect.Find(probe, step) is { } statuses
            ? new ExpectedStatus(statuses, $"the rules table expect.{probe}.{step}", context.Rules.Expect.Why(probe))
            : null;

    /// <summary>A probe that has no row to judge by is not planned; it says so in the plan.</summary>
    public static Probe NoRow(string probe, ApiOperation operation) =>
        new(probe, operation, [], null, $"no expect.{probe} row in the rules tables");
}
