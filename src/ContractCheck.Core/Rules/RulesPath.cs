namespace ContractCheck.Core.Rules;

/// <summary>How messages name a place in the rules file: <c>operations.createBook.body</c>, quoted only where YAML needs it (<c>operations."POST /books".body</c>).</summary>
public static class RulesPath
{
    public static string Operation(string name, string? member = null)
    {
        var key = name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? name : $"\"{name}\"";
        return member is null ? $"operations.{key}" : $"operations.{key}.{member}";
    }
}
