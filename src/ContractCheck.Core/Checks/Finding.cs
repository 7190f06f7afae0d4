namespace ContractCheck.Core.Checks;

/// <summary>
/// What one check concluded about one exchange: a fixed title ("Undocumented HTTP status code"),
/// a message, expected vs actual, and the table row or spec place it comes from. Data, never thrown.
/// </summary>
public sealed record Finding(string Check, Outcome Outcome, string Title, string Message, string? Expected = null, string? Actual = null, string? Source = null)
{
    public static Finding Pass(string check, string title, string message = "") => new(check, Outcome.Passed, title, message);

    public static Finding Fail(string check, string title, string message, string? expected = null, string? actual = null, string? source = null) =>
        new(check, Outcome.Failed, title, message, expected, actual, source);

    public static Finding Skip(string check, string title, string message) => new(check, Outcome.Skipped, title, message);
}
