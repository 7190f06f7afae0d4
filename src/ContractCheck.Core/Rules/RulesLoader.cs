using ContractCheck.Core.Yaml;

namespace ContractCheck.Core.Rules;

/// <summary>
/// Loads the rules of a run: the user's file (if any) with the sets it <c>extends</c> (the built-in
/// sets when it does not say), <c>${ENV}</c> values filled in, merged into one <see cref="RuleSet"/>.
/// </summary>
public sealed class RulesLoader
{
    private readonly RulesVocabulary _vocabulary;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fromEnvironment = new(StringComparer.Ordinal);

    public RulesLoader(RulesVocabulary vocabulary, Func<string, string?>? environment = null)
    {
        _vocabulary = vocabulary;
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>Loads a rules file, or only the built-in sets when <paramref name="path"/> is null.</summary>
    public RuleSet Load(string? path)
    {
        if (path is null)
        {
            return Merge(BuiltInRuleSets.Defaults.Select(n => ParseBuiltIn(n, null)).ToList(), _variables, _fromEnvironment);
        }

        if (!File.Exists(path))
        {
            throw new ContractCheckException(
                $"rules file '{path}' does not exist",
                null,
                Directory.Exists(path) ? "give the path of the YAML file itself" : "check the --rules path, or leave --rules out to use the built-in rules only");
        }

        return LoadText(File.ReadAllText(path), path);
    }

    /// <summary>Loads rules from text; <paramref name="fileName"/> names it in messages and anchors relative extends.</summary>
    public RuleSet LoadText(string text, string fileName)
    {
        var fragments = new List<RulesFragment>();
        Collect(text, fileName, fragments, [], topLevel: true);
        return Merge(fragments, _variables, _fromEnvironment);
    }

    private void Collect(string text, string fileName, List<RulesFragment> into, HashSet<string> visiting, bool topLevel)
    {
        var tree = new EnvInterpolator(_environment, fileName, _variables, _fromEnvironment).Apply(YamlReader.Read(text, fileName));
        var fragment = RulesParser.Parse(tree, fileName, _vocabulary);
        var extends = fragment.Extends?.Select(e => (e.Name, (SourceLocation?)e.Location)).ToList()
            ?? (topLevel ? BuiltInRuleSets.Defaults.Select(n => (n, (SourceLocation?)null)).ToList() : []);

        visiting.Add(Path.GetFullPath(fileName));
        foreach (var (name, location) in extends)
        {
            if (name.StartsWith(BuiltInRuleSets.Prefix, StringComparison.Ordinal))
            {
                if (!into.Any(f => f.File == name))
                {
                    into.Add(ParseBuiltIn(name, location));
                }

                continue;
            }

            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(fileName)) ?? ".", name));
            if (visiting.Contains(path))
            {
                throw new ContractCheckException($"'{name}' extends itself (through a cycle of extends)", location, "remove one of the extends entries that form the cycle");
            }

            if (!File.Exists(path))
            {
                throw new ContractCheckException(
                    $"extends '{name}': no such rules set or file",
                    location,
                    "built-in sets are " + string.Join(", ", BuiltInRuleSets.Names) + "; a file is named relative to this rules file");
            }

            Collect(File.ReadAllText(path), path, into, visiting, topLevel: false);
        }

        visiting.Remove(Path.GetFullPath(fileName));
        into.Add(fragment);
    }

    private RulesFragment ParseBuiltIn(string name, SourceLocation? location)
    {
        var text = BuiltInRuleSets.Read(name) ?? throw new ContractCheckException(
            $"there is no built-in rules set '{name}'",
            location,
            DidYouMean.Hint(name, BuiltInRuleSets.Names));
        return RulesParser.Parse(YamlReader.Read(text, name), name, _vocabulary);
    }

    private static RuleSet Merge(List<RulesFragment> fragments, IReadOnlyDictionary<string, string> variables, IReadOnlySet<string> fromEnvironment)
    {
        var auth = new AuthSettings();
        var identities = new Dictionary<string, Identity>(StringComparer.Ordinal);
        var errors = ErrorSettings.None;
        var conventions = Conventions.Default;
        var expect = ExpectTable.Empty;
        var strict = false;
        var probes = new Dictionary<string, ProbeSettings>(StringComparer.Ordinal);
        var checks = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var f in fragments)
        {
            auth = f.Auth ?? auth;
            foreach (var identity in f.Identities)
            {
                identities[identity.Name] = identity;
            }

            errors = f.Errors ?? errors;
            conventions = new Conventions(
                f.ValidationStatus ?? conventions.ValidationStatus,
                f.HideExistence ?? conventions.HideExistence,
                f.MaxResponseMs ?? conventions.MaxResponseMs,
                f.ValidateFormats ?? conventions.ValidateFormats,
                f.Stateful ?? conventions.Stateful);
            expect = expect.Merge(f.Expect);
            strict = f.Strict ?? strict;
            foreach (var (id, settings) in f.Probes)
            {
                probes[id] = settings;
            }

            foreach (var (id, enabled) in f.Checks)
            {
                checks[id] = enabled;
            }
        }

        return new RuleSet(
            fragments.Select(f => f.File).ToList(),
            auth,
            errors,
            conventions,
            fragments.SelectMany(f => f.RateLimits).ToList(),
            probes,
            fragments.SelectMany(f => f.Operations).ToList(),
            fragments.SelectMany(f => f.Responses).ToList(),
            fragments.SelectMany(f => f.Skip).ToList(),
            checks,
            expect,
            strict) { Variables = variables, EnvironmentValues = fromEnvironment, Identities = identities };
    }
}
