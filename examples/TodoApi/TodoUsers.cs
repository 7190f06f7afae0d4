using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace TodoApi;

/// <summary>
/// Who a bearer token belongs to: alice's and carol's fixed tokens, and the tokens POST /login hands out (each serving
/// <see cref="TodoApiOptions.TokenUses"/> requests when that is set).
/// </summary>
public sealed class TodoUsers(TodoApiOptions options)
{
    private readonly ConcurrentDictionary<string, Issued> _issued = new(StringComparer.Ordinal);

    /// <summary>The user of a token, or null (unknown or expired).</summary>
    public TodoUser? Authenticate(string token)
    {
        if (Same(token, options.Token))
        {
            return TodoUser.Alice;
        }

        if (Same(token, options.ReaderToken))
        {
            return TodoUser.Carol;
        }

        if (!_issued.TryGetValue(token, out var issued))
        {
            return null;
        }

        return options.TokenUses is not { } uses || Interlocked.Increment(ref issued.Used) <= uses ? issued.User : null;
    }

    /// <summary>A new token for a user whose password is right, or null.</summary>
    public string? Login(string name, string password)
    {
        if (TodoUser.All.FirstOrDefault(u => u.Name == name) is not { } user || !options.Passwords.TryGetValue(name, out var expected) || !Same(password, expected))
        {
            return null;
        }

        var token = "tk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _issued[token] = new Issued(user);
        return token;
    }

    private static bool Same(string given, string expected) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private sealed class Issued(TodoUser user)
    {
        public TodoUser User { get; } = user;

        public int Used;
    }
}
