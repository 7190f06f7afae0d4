using System.Text.RegularExpressions;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Rules;

/// <summary>
/// Names operations in rules files and CLI filters: an operationId (<c>createTodo</c>), a method and
/// path (<c>"GET /todos/{id}"</c>), or a glob over either (<c>"DELETE /admin/**"</c>, <c>"* /todos"</c>,
/// <c>"list*"</c>). <c>*</c> matches within one path segment, <c>**</c> across segments.
/// </summary>
public sealed class OperationSelector
{
    private static readonly string[] Methods = [.. HttpMethods.Standard, "QUERY", "*"];

    private readonly Regex? _method;
    private readonly Regex _name;
    private readonly bool _byPath;

    private OperationSelector(string text, Regex? method, Regex name, bool byPath, SourceLocation? location)
    {
        Text = text;
        _method = method;
        _name = name;
        _byPath = byPath;
        Location = location;
    }

    public string Text { get; }

    public SourceLocation? Location { get; }

    /// <summary>True when the selector holds a wildcard; a wildcard that matches nothing is not an error.</summary>
    public bool IsPattern => Text.Contains('*', StringComparison.Ordinal);

    public static OperationSelector Parse(string text, SourceLocation? location = null)
    {
        var t = text.Trim();
        var space = t.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && Methods.Contains(t[..space].ToUpperInvariant()))
        {
            var method = t[..space].ToUpperInvariant();
            var path = t[(space + 1)..].Trim();
            return new OperationSelector(t, Glob(method, false), Glob(path, true), true, location);
        }

        if (t.StartsWith('/'))
        {
            return new OperationSelector(t, null, Glob(t, true), true, location);
        }

        return new OperationSelector(t, null, Glob(t, false), false, location);
    }

    public bool Matches(ApiOperation operation)
    {
        if (!_byPath)
        {
            return operation.OperationId is { } id && _name.IsMatch(id);
        }

        return (_method is null || _method.IsMatch(operation.Method)) && _name.IsMatch(operation.Path);
    }

    private static Regex Glob(string pattern, bool isPath)
    {
        var escaped = Regex.Escape(pattern).Replace(@"\*\*", "\u0001").Replace(@"\*", isPath ? "[^/]*" : ".*").Replace("\u0001", ".*");
        return new Regex("^" + escaped + "$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
    }

    public override string ToString() => Text;
}
