namespace ContractCheck.Core.Rules;

/// <summary>
/// The one place that says which header, query and cookie names carry credentials, whatever the API:
/// Authorization, Cookie, API keys, tokens, secrets, passwords, session ids. A name merely mentioning
/// credentials (Access-Control-Allow-Credentials) or a challenge (WWW-Authenticate) is not one.
/// </summary>
public static class CredentialNames
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key", "apikey", "api_key",
        "x-auth-token", "x-access-token", "x-csrf-token", "x-xsrf-token", "x-session-id", "session", "sessionid", "access_token",
    };

    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase) { "token", "secret", "password", "passwd", "apikey", "jwt", "sessionid" };

    public static bool IsCredential(string name)
    {
        if (Known.Contains(name))
        {
            return true;
        }

        var words = name.Split('-', '_', '.');
        for (var i = 0; i < words.Length; i++)
        {
            if (Words.Contains(words[i]) || (i + 1 < words.Length && words[i].Equals("api", StringComparison.OrdinalIgnoreCase) && words[i + 1].Equals("key", StringComparison.OrdinalIgnoreCase))
                || (i + 1 < words.Length && words[i].Equals("session", StringComparison.OrdinalIgnoreCase) && words[i + 1] is "id" or "ID" or "Id" or "key"))
            {
                return true;
            }
        }

        return false;
    }
}
