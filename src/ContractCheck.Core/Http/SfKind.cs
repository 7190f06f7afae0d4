namespace ContractCheck.Core.Http;

/// <summary>The type of a Structured Field bare item (RFC 9651 §3.3), or an inner list.</summary>
public enum SfKind
{
    Integer,
    Decimal,
    String,
    Token,
    ByteSequence,
    Boolean,
    Date,
    DisplayString,
    InnerList,
}
