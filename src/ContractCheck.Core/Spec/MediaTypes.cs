namespace ContractCheck.Core.Spec;

/// <summary>Media type comparison as HTTP means it: parameters ignored, case-insensitive, ranges and +json suffixes understood.</summary>
public static class MediaTypes
{
    /// <summary>"application/json; charset=utf-8" → "application/json".</summary>
    public static string Essence(string mediaType)
    {
        var semicolon = mediaType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? mediaType[..semicolon] : mediaType).Trim().ToLowerInvariant();
    }

    public static bool IsJson(string mediaType)
    {
        var essence = Essence(mediaType);
        return essence == "application/json" || essence.EndsWith("+json", StringComparison.Ordinal);
    }

    /// <summary>True when a response's Content-Type is one the spec declares (<paramref name="declared"/> may be a range).</summary>
    public static bool Matches(string actual, string declared)
    {
        var a = Essence(actual);
        var d = Essence(declared);
        if (d == "*/*" || a == d)
        {
            return true;
        }

        if (d.EndsWith("/*", StringComparison.Ordinal))
        {
            return a.StartsWith(d[..^1], StringComparison.Ordinal);
        }

        // application/problem+json is JSON: a spec that declares application/json accepts it.
        return d == "application/json" && a.StartsWith("application/", StringComparison.Ordinal) && a.EndsWith("+json", StringComparison.Ordinal);
    }
}
