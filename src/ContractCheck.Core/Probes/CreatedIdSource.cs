using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// Where a create's answer holds the new item's id, when something says so: the rules'
/// <c>operations.&lt;op&gt;.id</c>, else an OpenAPI link of the create's success response whose
/// parameter is <c>$response.body#/…</c>.
/// </summary>
public static class CreatedIdSource
{
    public static string? For(ApiOperation create, PlanContext context)
    {
        if (context.Rules.ForOperation(create)?.Id is { } fromRules)
        {
            return fromRules;
        }

        foreach (var (status, response) in create.Model.Responses ?? [])
        {
            if (!status.StartsWith('2'))
            {
                continue;
            }

            foreach (var link in response.Links?.Values ?? [])
            {
                foreach (var expression in (link.Parameters?.Values ?? []).Select(p => p.Expression?.Expression))
                {
                    if (expression is not null && expression.StartsWith("$response.body#/", StringComparison.Ordinal))
                    {
                        return "$" + string.Concat(Pointer.Split(expression["$response.body#".Length..]).Select(s => s.All(char.IsAsciiDigit) ? $"[{s}]" : $"['{s}']"));
                    }
                }
            }
        }

        return null;
    }
}
