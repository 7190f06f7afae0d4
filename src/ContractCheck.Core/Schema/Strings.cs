using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Schema;

/// <summary>Valid text for a string schema: by format, within min/max length, matching a simple pattern where it can.</summary>
public static class Strings
{
    public static string For(IOpenApiSchema schema, Random random)
    {
        var value = (schema.Format ?? "").ToLowerInvariant() switch
        {
            "date-time" => new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(0, 86_400 * 365)).ToString("yyyy-MM-ddTHH:mm:ssZ"),
            "date" => new DateTime(2024, 1, 1).AddDays(random.Next(0, 365)).ToString("yyyy-MM-dd"),
            "time" => $"{random.Next(0, 24):00}:{random.Next(0, 60):00}:00Z",
            "uuid" or "guid" => Uuid(random),
            "email" => $"user{random.Next(1000, 9999)}@example.com",
            "uri" or "url" => $"https://example.com/r/{random.Next(1000, 9999)}",
            "uri-reference" => $"/r/{random.Next(1000, 9999)}",
            "hostname" => "host.example.com",
            "ipv4" => $"192.0.2.{random.Next(1, 255)}",
            "ipv6" => "2001:db8::" + random.Next(1, 0xffff).ToString("x"),
            "byte" => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("contractcheck")),
            "binary" => "contractcheck",
            "password" => "Secret-" + random.Next(100_000, 999_999),
            _ => "text" + random.Next(1000, 9999),
        };

        var min = schema.MinLength ?? 0;
        var max = schema.MaxLength ?? int.MaxValue;
        if (schema.Pattern is { } pattern && !Matches(pattern, value))
        {
            return RegexGenerator.Generate(pattern, random, schema.MinLength, schema.MaxLength) ?? SimplePatternValue(pattern, random) ?? value;
        }

        if (value.Length < min)
        {
            value = value.PadRight(min, 'x');
        }

        return value.Length > max ? value[..max] : value;
    }

    public static string Uuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    // With the validator's own (ECMA-262) reading of the pattern, so a value made here is one it accepts.
    private static bool Matches(string pattern, string value)
    {
        try
        {
            return EcmaRegex.Get(pattern)?.IsMatch(value) ?? true;
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    // When the pattern uses what the generator does not make (lookarounds), a few common shapes may still fit.
    private static string? SimplePatternValue(string pattern, Random random)
    {
        foreach (var candidate in new[] { "abc", "ABC", "abc123", "123", random.Next(100, 999).ToString(), "a-b", "a_b", "ab12-cd34", "A1", "2024-01-01" })
        {
            if (Matches(pattern, candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
