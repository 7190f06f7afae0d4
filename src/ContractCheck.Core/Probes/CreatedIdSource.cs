using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// Where a create's answer holds the new item's id, when something says so: the rules'
/// <c>operations.&lt;op&gt;.id</c>, else an OpenAPI link of the create's success response whose
/// parameter is <c>$response.body#/…</c>.
/// </summary>
public static class CreatedIdSource
{
    /// <summary>
    /// The members of a create's answer that may hold the new id, best first: the one named like the item path's
    /// parameter (<c>zoneName</c> for <c>/zones/{zoneName}</c>), then <c>id</c>, <c>uuid</c>, <c>name</c>, and
    /// <c>&lt;resource&gt;Id</c> / <c>&lt;resource&gt;_id</c> (<c>todoId</c> for <c>/todos</c>).
    /// </summary>
    public static IReadOnlyList<string> Members(ApiOperation create, PlanContext context)
    {
        var resource = create.Path.TrimEnd('/').Split('/').LastOrDefault(s => s.Length > 0 && !s.StartsWith('{')) ?? "item";
        var singular = resource.EndsWith("ies", StringComparison.Ordinal) ? resource[..^3] + "y" : resource.EndsWith('s') ? resource[..^1] : resource;
        var names = new List<string>();
        if (context.Resources.ItemParameter(context.Resources.CreatedKey(create)) is { } parameter)
        {
            names.Add(parameter);
        }

        names.AddRange(["id", "uuid", "name", singular + "Id", singular + "_id"]);
        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

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
