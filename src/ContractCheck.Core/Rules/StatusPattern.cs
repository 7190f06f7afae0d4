namespace ContractCheck.Core.Rules;

/// <summary>A status code or class as rules and specs write it: <c>201</c>, <c>4xx</c>, <c>5XX</c>.</summary>
public readonly record struct StatusPattern
{
    private StatusPattern(int code, int classDigit)
    {
        Code = code;
        ClassDigit = classDigit;
    }

    /// <summary>The exact code, or 0 for a class pattern.</summary>
    public int Code { get; }

    /// <summary>The class digit (4 for 4xx) of a class pattern, or 0.</summary>
    public int ClassDigit { get; }

    public static StatusPattern Exact(int code) => new(code, 0);

    /// <summary>A class pattern: <c>Class(2)</c> is 2xx.</summary>
    public static StatusPattern Class(int digit) => new(0, digit);

    public static bool TryParse(string text, out StatusPattern pattern)
    {
        pattern = default;
        var t = text.Trim();
        if (t.Length == 3 && t[0] is >= '1' and <= '5' && (t[1..] is "xx" or "XX"))
        {
            pattern = new StatusPattern(0, t[0] - '0');
            return true;
        }

        if (int.TryParse(t, out var code) && code is >= 100 and <= 599)
        {
            pattern = new StatusPattern(code, 0);
            return true;
        }

        return false;
    }

    public bool Matches(int status) => Code != 0 ? status == Code : status / 100 == ClassDigit;

    public override string ToString() => Code != 0 ? Code.ToString() : ClassDigit + "xx";
}
