using ContractCheck.Core.Rules;

namespace ContractCheck.Core.Checks;

/// <summary>
/// A check whose claims are rows of the design tables (<c>responses</c> in rules/*.yaml and the user's
/// file) rather than code: required headers, empty bodies, leaks, caching of errors, and the user's
/// own rows. Each instance judges the rows that carry its id.
/// </summary>
public sealed class TableCheck : ICheck
{
    public TableCheck(string id, string title, string description)
    {
        Id = id;
        Title = title;
        Description = description;
    }

    public string Id { get; }

    public string Title { get; }

    public string Description { get; }

    public IEnumerable<Finding> Check(CheckContext context)
    {
        foreach (var row in context.Rules.Responses.Where(r => r.Check == Id && Applies(r, context)))
        {
            var problems = RowEvaluator.Require(row.Require, context.Response).Concat(RowEvaluator.Forbid(row.Forbid, context.Response)).ToList();
            var source = $"{row.Location} ({string.Join("/", row.Status)} row)";
            if (problems.Count == 0)
            {
                yield return Finding.Pass(Id, Title, source);
                continue;
            }

            foreach (var problem in problems)
            {
                yield return Finding.Fail(Id, Title, $"{context.Response.Status}: {problem.Message}" + (row.Why is null ? "" : $" — {row.Why}"), problem.Expected, problem.Actual, source);
            }
        }
    }

    private static bool Applies(ResponseRule row, CheckContext context) =>
        row.Status.Any(s => s.Matches(context.Response.Status))
        && (row.Probes.Count == 0 || row.Probes.Contains(context.Probe.Kind))
        && (row.Operations.Count == 0 || row.Operations.Any(o => o.Matches(context.Operation)))
        && (!row.Deprecated || context.Operation.Model.Deprecated)
        && (!row.Sunset || context.Rules.SunsetOf(context.Operation) is not null);
}
