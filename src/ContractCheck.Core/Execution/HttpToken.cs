namespace ContractCheck.Core.Execution;

/// <summary>RFC 9110 §5.6.2: a token (a method, a field name) is one or more visible ASCII characters that are not delimiters.</summary>
public static class HttpToken
{
    private const string Delimiters = "\"(),/:;<=>?@[\\]{}";

    public static bool IsToken(string? text) =>
        !string.IsNullOrEmpty(text) && text.All(c => c is > ' ' and < '\u007f' && !Delimiters.Contains(c, StringComparison.Ordinal));
}
