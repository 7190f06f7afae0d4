using System.Text.RegularExpressions;

namespace ContractCheck.NUnit;

/// <summary>
/// A test case's name, <c>METHOD /path: probe</c> (<c>POST /todos: invalid-body (required property 'title' removed)</c>):
/// what the test explorer and JUnit show. It depends on the spec and rules only, never on the seed, so the names NUnit
/// lists in one process are the names it runs in another.
/// </summary>
internal static partial class CaseName
{
    public static string For(string operation, string probe) => $"{operation}: {probe}";

    /// <summary>
    /// The name as NUnit is given it. NUnit reads a name holding <c>{</c> as a template and replaces its own tokens
    /// (<c>{m}</c>, <c>{a}</c>, <c>{0}</c>, …); a path parameter spelled like one (<c>/items/{a}</c>) is written with
    /// spaces inside the braces (<c>{ a }</c>), which NUnit leaves as it is. Every other <c>{id}</c> stays as written.
    /// </summary>
    public static string ForNUnit(string name) => NUnitToken().Replace(name, m => "{ " + m.Groups[1].Value + " }");

    [GeneratedRegex(@"\{([minpcCMa]|[0-9])\}")]
    private static partial Regex NUnitToken();
}
