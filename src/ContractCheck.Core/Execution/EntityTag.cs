namespace ContractCheck.Core.Execution;

/// <summary>
/// An entity tag (RFC 9110 §8.8.3): <c>"xyzzy"</c> (strong) or <c>W/"xyzzy"</c> (weak). Strong comparison needs both
/// strong and the same opaque tag (If-Match); weak comparison only the same opaque tag (If-None-Match, §8.8.3.2).
/// </summary>
public sealed record EntityTag(string Opaque, bool Weak)
{
    /// <summary>The tag in a header value, or null. An unquoted value (a common slip) is read as its own opaque tag.</summary>
    public static EntityTag? Parse(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var weak = text.StartsWith("W/", StringComparison.Ordinal);
        var tag = weak ? text[2..] : text;
        return new EntityTag(tag.Length >= 2 && tag[0] == '"' && tag[^1] == '"' ? tag[1..^1] : tag, weak);
    }

    public static bool StrongMatch(EntityTag? a, EntityTag? b) => a is { Weak: false } && b is { Weak: false } && a.Opaque == b.Opaque;

    public static bool WeakMatch(EntityTag? a, EntityTag? b) => a is not null && b is not null && a.Opaque == b.Opaque;

    public override string ToString() => (Weak ? "W/" : "") + "\"" + Opaque + "\"";
}
