namespace ContractCheck.Core.Execution;

/// <summary>
/// The links of a <c>Link</c> header (RFC 8288 §3): <c>&lt;/items?page=2&gt;; rel="next", &lt;…&gt;; rel="prev"</c>, over
/// one or several header lines; a <c>rel</c> may name several relations, compared case-insensitively.
/// </summary>
public static class LinkHeader
{
    /// <summary>Every (relation, target) the answer's Link headers carry, targets resolved against the request's URL; unparseable ones are left out.</summary>
    public static IEnumerable<(string Relation, Uri Target)> Links(ReceivedResponse response, Uri requestUrl)
    {
        foreach (var value in response.HeaderValues("Link"))
        {
            var at = 0;
            while (at < value.Length)
            {
                var open = value.IndexOf('<', at);
                var close = open < 0 ? -1 : value.IndexOf('>', open);
                if (close < 0)
                {
                    yield break;
                }

                // The link's parameters run to the next comma outside a quoted value.
                var end = EndOfLink(value, close + 1);
                var parameters = value[(close + 1)..end];
                if (Uri.TryCreate(requestUrl, value[(open + 1)..close].Trim(), out var target) && Relation(parameters) is { } relations)
                {
                    foreach (var relation in relations.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        yield return (relation.ToLowerInvariant(), target);
                    }
                }

                at = end + 1;
            }
        }
    }

    /// <summary>The target of the first link with this relation ("next"; "prev" also finds "previous"), or null.</summary>
    public static Uri? Target(ReceivedResponse response, Uri requestUrl, string relation) =>
        Links(response, requestUrl).Where(l => Is(l.Relation, relation)).Select(l => l.Target).FirstOrDefault();

    /// <summary>True when <paramref name="relation"/> names <paramref name="wanted"/> ("previous" is the older name of "prev").</summary>
    public static bool Is(string relation, string wanted) =>
        relation.Equals(wanted, StringComparison.OrdinalIgnoreCase) || (wanted == "prev" && relation.Equals("previous", StringComparison.OrdinalIgnoreCase));

    private static int EndOfLink(string value, int from)
    {
        var quoted = false;
        for (var i = from; i < value.Length; i++)
        {
            if (value[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && value[i] == ',')
            {
                return i;
            }
        }

        return value.Length;
    }

    private static string? Relation(string parameters)
    {
        foreach (var parameter in parameters.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && parameter[..equals].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                return parameter[(equals + 1)..].Trim().Trim('"');
            }
        }

        return null;
    }
}
