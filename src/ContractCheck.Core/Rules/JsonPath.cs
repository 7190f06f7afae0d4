using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ContractCheck.Core.Rules;

/// <summary>
/// The small JSON path subset rules files use: <c>$.a.b</c>, <c>$.items[0].id</c>, <c>$['odd key']</c>;
/// the leading <c>$.</c> may be left out.
/// </summary>
public static partial class JsonPath
{
    public static bool IsValid(string path) => Shape().IsMatch(Normalize(path));

    /// <summary>Finds the value at the path; false when a step is missing (a JSON null is found and returned as null).</summary>
    public static bool TrySelect(JsonNode? root, string path, out JsonNode? value)
    {
        value = root;
        foreach (Match step in Step().Matches(Normalize(path)))
        {
            if (step.Groups["name"].Success || step.Groups["quoted"].Success)
            {
                var name = step.Groups["name"].Success ? step.Groups["name"].Value : step.Groups["quoted"].Value;
                if (value is not JsonObject obj || !obj.TryGetPropertyValue(name, out value))
                {
                    value = null;
                    return false;
                }
            }
            else
            {
                var index = int.Parse(step.Groups["index"].Value);
                if (value is not JsonArray array || index >= array.Count)
                {
                    value = null;
                    return false;
                }

                value = array[index];
            }
        }

        return true;
    }

    /// <summary>The one member a path of a single name step names (<c>$.isbn</c>, <c>isbn</c>, <c>$['isbn']</c>); null for any other path.</summary>
    public static string? SingleMember(string path)
    {
        var normalized = Normalize(path);
        if (!Shape().IsMatch(normalized) || Step().Matches(normalized) is not { Count: 1 } steps || steps[0].Groups["index"].Success)
        {
            return null;
        }

        return steps[0].Groups["name"].Success ? steps[0].Groups["name"].Value : steps[0].Groups["quoted"].Value;
    }

    private static string Normalize(string path)
    {
        var p = path.Trim();
        if (p == "$")
        {
            return "$";
        }

        return p.StartsWith('$') ? p : "$." + p;
    }

    [GeneratedRegex(@"^\$((\.[A-Za-z_][\w-]*)|(\[\d+\])|(\['[^']*'\]))*$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"\.(?<name>[A-Za-z_][\w-]*)|\[(?<index>\d+)\]|\['(?<quoted>[^']*)'\]")]
    private static partial Regex Step();
}
