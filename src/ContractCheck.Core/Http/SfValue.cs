namespace ContractCheck.Core.Http;

/// <summary>
/// A Structured Field bare item: its type and value (a <see cref="long"/> for Integer and Date, <see cref="decimal"/>,
/// <see cref="string"/> for String, Token and Display String, <see cref="byte"/>[], <see cref="bool"/>, or the members
/// of an inner list).
/// </summary>
public sealed record SfValue(SfKind Kind, object Value)
{
    /// <summary>The Integer, or null for any other type.</summary>
    public long? Integer => Kind == SfKind.Integer ? (long)Value : null;

    /// <summary>The text of a String or Token, or null.</summary>
    public string? Text => Kind is SfKind.String or SfKind.Token ? (string)Value : null;

    /// <summary>The value as the field would write it again: "default", 100, @1688169599, :cHNr:.</summary>
    public override string ToString() => Kind switch
    {
        SfKind.String => "\"" + ((string)Value).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        SfKind.Boolean => (bool)Value ? "?1" : "?0",
        SfKind.Date => "@" + Value,
        SfKind.ByteSequence => ":" + Convert.ToBase64String((byte[])Value) + ":",
        SfKind.Decimal => ((decimal)Value).ToString(System.Globalization.CultureInfo.InvariantCulture),
        SfKind.InnerList => "(" + string.Join(" ", (IEnumerable<SfMember>)Value) + ")",
        _ => Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
