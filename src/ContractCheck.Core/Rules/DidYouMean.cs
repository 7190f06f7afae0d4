namespace ContractCheck.Core.Rules;

/// <summary>Finds the closest known word to a misspelt one, for "did you mean …?" hints.</summary>
public static class DidYouMean
{
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        var list = candidates.ToList();

        // "expect-status" for "expect": a known word with something added is the likeliest meaning.
        var prefixed = list.Where(c => c.Length >= 3 && word.StartsWith(c, StringComparison.OrdinalIgnoreCase)).MaxBy(c => c.Length);
        if (prefixed is not null)
        {
            return prefixed;
        }

        candidates = list;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, word.Length / 3) ? best : null;
    }

    /// <summary>"did you mean 'x'?" or, without a close match, the list of allowed words.</summary>
    public static string Hint(string word, IReadOnlyCollection<string> candidates) =>
        Closest(word, candidates) is { } close
            ? $"did you mean '{close}'?"
            : "allowed: " + string.Join(", ", candidates);

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
