using Flurl;

namespace ContractCheck.Core.Execution;

/// <summary>The URL of a request: the base URL's origin and path prefix, the expanded path, the query (built with Flurl's <see cref="Url"/>).</summary>
public static class RequestUrl
{
    public static Uri For(Uri baseUrl, string path, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var url = new Url(baseUrl.GetLeftPart(UriPartial.Authority) + baseUrl.AbsolutePath.TrimEnd('/') + path);
        foreach (var (name, value) in query)
        {
            url.AppendQueryParam(name, value);
        }

        return url.ToUri();
    }

    /// <summary>Same scheme, host and port: the only origin ContractCheck contacts.</summary>
    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
