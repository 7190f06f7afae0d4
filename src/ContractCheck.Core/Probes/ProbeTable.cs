using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>A negative probe's expectation: the operation's override in the rules, else the design table's row for the probe.</summary>
public static class ProbeTable
{
    public static ExpectedStatus? Expect(string probe, ApiOperation operation, PlanContext context)
    {
        if (context.Rules.ForOperation(operation)?.Expect.GetValueOrDefault(probe) is { } overridden)
        {
            return new ExpectedStatus(overridden, $"operations.\"{operation.OperationId ?? operation.Key}\".expect.{probe} in the rules", context.Rules.Expect.Why(probe));
        }

        var row = context.Rules.Expect.Find(probe, operation.Method);
        return row is null ? null : new ExpectedStatus(row, $"the rules table expect.{probe}", context.Rules.Expect.Why(probe));
    }

    /// <summary>A probe that has no row to judge by is not planned; it says so in the plan.</summary>
    public static Probe NoRow(string probe, ApiOperation operation) =>
        new(probe, operation, [], null, $"no expect.{probe} row in the rules tables");
}
