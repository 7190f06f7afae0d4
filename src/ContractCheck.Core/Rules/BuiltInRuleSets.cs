namespace ContractCheck.Core.Rules;

/// <summary>The rule sets shipped in <c>rules/</c> and embedded in the library, named <c>builtin:NAME</c>.</summary>
public static class BuiltInRuleSets
{
    public const string Prefix = "builtin:";

    /// <summary>The sets that apply when a rules file does not say <c>extends</c>.</summary>
    public static IReadOnlyList<string> Defaults { get; } = ["builtin:http", "builtin:rest", "builtin:security"];

    public static IReadOnlyList<string> Names { get; } =
        typeof(BuiltInRuleSets).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("ContractCheck.Rules.", StringComparison.Ordinal))
            .Select(n => Prefix + n["ContractCheck.Rules.".Length..^".yaml".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The YAML text of a built-in set, or null when there is no set of that name.</summary>
    public static string? Read(string name)
    {
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        using var stream = typeof(BuiltInRuleSets).Assembly.GetManifestResourceStream("ContractCheck.Rules." + name[Prefix.Length..] + ".yaml");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
