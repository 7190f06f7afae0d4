using System.Globalization;
using System.Text;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Rules;

/// <summary>
/// The commented <c>contractcheck.yaml</c> that <c>contractcheck init</c> writes from a spec: the auth block for its
/// security schemes (<c>${ENV}</c> placeholders), the error schema it finds, bursts from documented limits, the creates
/// that document 409, and every other key of the vocabulary (<see cref="RulesKeys"/>) commented out with its default.
/// Pure: the caller writes the file.
/// </summary>
public static class RulesTemplate
{
    private const int CommentColumn = 44;

    // Bursts proposed (commented out) for operations that document a 429 without numbers.
    private const int MaxProposals = 3;

    /// <param name="spec">The loaded spec.</param>
    /// <param name="specPath">The spec as the user named it, for the run command in the header.</param>
    /// <param name="baseUrl">Where the API runs, for the run command; a placeholder when null.</param>
    /// <param name="vocabulary">The probes and checks to list; the built-in ones by default.</param>
    public static string Write(ApiSpec spec, string specPath, string? baseUrl = null, RulesVocabulary? vocabulary = null)
    {
        vocabulary ??= Defaults.Vocabulary;
        var root = RulesKeys.Root(vocabulary);
        var prefix = EnvPrefix(spec.Title);
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line.TrimEnd()).Append('\n');

        Line($"# yaml-language-server: $schema={RulesSchema.FileName}");
        Line($"# ContractCheck rules for {spec.Title} ({Path.GetFileName(specPath)}), written by `contractcheck init` from the spec alone: review it.");
        Line($"# Run: contractcheck run --spec {specPath} --base-url {baseUrl ?? "http://localhost:8080"}");
        Line("# Every key is optional. A '# key: value' line shows a key with its default: remove the '# ' to change it.");
        Line("# Values may be ${ENV} or ${ENV:-default}; what comes from the environment is masked in every report.");
        Line("# Reference: the README's \"The rules file\"; editors validate this file with " + RulesSchema.FileName + " (contractcheck schema).");
        Line();
        Line(Commented(root["extends"], ""));
        Line();

        var auth = TemplateAuth.Lines(spec, prefix);
        if (auth.Count > 0)
        {
            Line(Described(auth.Any(l => !l.TrimStart().StartsWith('#')) ? "auth:" : "# auth:", root["auth"].Description));
            auth.ToList().ForEach(l => Line(l));
        }
        else
        {
            Line(Described("# auth:", "the spec declares no security scheme; if the API needs credentials, give them here"));
            Line($"#   bearer: ${{{prefix}_TOKEN}}");
        }

        Line();
        Line(Described("# identities:", root["identities"].Description));
        Line($"#   other: {{bearer: ${{{prefix}_OTHER_TOKEN}}}}");
        Line($"#   limited: {{bearer: ${{{prefix}_LIMITED_TOKEN}}, may: [\"GET /**\", \"HEAD /**\"]}}");
        Line();
        Errors(TemplateErrors.Find(spec), root["errors"], Line);
        Line();
        Section(root["conventions"], "", Line);
        Line();
        RateLimits(spec, root["rateLimit"], Line);
        Line();
        Probes(spec, vocabulary, root["probes"], Line);
        Line();
        Operations(spec, vocabulary, root["operations"], Line);
        Line();
        Line(Described("# responses:", root["responses"].Description));
        Line("#   - status: 2xx");
        Line("#     require: {headers: [X-Request-Id]}");
        Line("#     why: support traces every answer by its X-Request-Id");
        Line();
        Line(Described("# skip: []", root["skip"].Description));
        Line();
        Section(root["checks"], "", Line);
        Line();
        Line(Described("# expect:", root["expect"].Description));
        Line("#   happy-path: {create: 201, DELETE: [200, 204]}");
        Line();
        Line(Commented(root["strict"], ""));
        return text.ToString();
    }

    private static void Errors(TemplateErrors errors, RuleKey key, Action<string> line)
    {
        if (errors.Schema is null)
        {
            line(Described("# errors:", errors.Why + "; describe the error body every 4xx/5xx has, if there is one"));
            line("#   schema: \"#/components/schemas/Error\"");
            line("#   contentTypes: [application/json]");
            return;
        }

        var mark = errors.Active ? "" : "# ";
        line(Described(mark + "errors:", key.Description));
        line($"  # {errors.Schema}: {errors.Why}");
        line($"{mark}  schema: {YamlText.Flow(errors.Schema)}");
        if (errors.ContentTypes.Count > 0)
        {
            line($"{mark}  contentTypes: [{string.Join(", ", errors.ContentTypes.Select(YamlText.Flow))}]");
        }
    }

    private static void RateLimits(ApiSpec spec, RuleKey key, Action<string> line)
    {
        var limits = TemplateRateLimits.Find(spec);
        if (limits.Count == 0)
        {
            line(Described("# rateLimit:", "no operation documents a 429 or a rate-limit extension; name those that must throttle"));
            line("#   - {operation: listItems, requests: 150, within: 2s, concurrency: 8}");
            return;
        }

        var any = limits.Any(l => l.Active);
        line(Described(any ? "rateLimit:" : "# rateLimit:", key.Description));

        // Every burst the spec states numbers for; of the rest (a 429 documented on hundreds of operations), a few reads.
        var proposed = limits.Where(l => l.Active || l.Limit is not null).Concat(limits.Where(l => !l.Active && l.Limit is null).OrderBy(l => l.Read ? 0 : 1).Take(MaxProposals)).ToList();
        if (limits.Count > proposed.Count)
        {
            line($"  # {limits.Count - proposed.Count} more operations document a 429, e.g. {Names([.. limits.Except(proposed).Select(l => l.Operation)])}");
        }

        foreach (var (operation, limit, window, source, active, _) in proposed)
        {
            var mark = active ? "" : "# ";
            var said = limit is { } l ? $"{l} requests" + (window is { } w ? " per " + Duration(w) : "") : "no numbers";
            var why = active ? "" : limit is null || window is null ? ": fill in the documented limit" : ": commented out (not a read, or a large burst): send it only where that is safe";
            line($"  # {operation}: {source} ({said}){why}");
            line($"{mark}  - operation: {YamlText.Flow(operation)}");
            line(Described($"{mark}    requests: {(limit is { } n ? TemplateRateLimits.Requests(n) : 150)}", "past the limit, so some answers must be 429"));
            line($"{mark}    within: {(window is { } span ? Duration(span) : "2s")}");
            line($"{mark}    concurrency: {RateLimitRule.DefaultConcurrency}");
        }
    }

    private static void Probes(ApiSpec spec, RulesVocabulary vocabulary, RuleKey key, Action<string> line)
    {
        var resources = new ResourceMap(spec.Operations);
        var conflicts = spec.Operations.Where(o => resources.IsCreate(o) && DuplicateCreateProbe.DocumentsConflict(o))
            .Select(o => o.OperationId ?? o.Key).ToList();
        line(conflicts.Count > 0
            ? $"# duplicate-create runs on the creates that document 409: {Names(conflicts)}"
            : "# no create documents 409: duplicate-create runs only on the creates named in its operations");
        line(Described("# probes:", key.Description));
        foreach (var id in vocabulary.ProbeIds)
        {
            var options = RulesKeys.ProbeSettings(vocabulary.ProbeOptions[id]).Keys.Where(k => k.Name != "enabled").ToList();
            var value = options.Count == 0 ? "on" : "{" + string.Join(", ", options.Select(o => o.Name + ": " + (o.Default is { } d ? YamlText.Flow(d) : "[]"))) + "}";
            line(Described($"#   {id}: {value}", options.Count == 0 ? "" : string.Join("; ", options.Select(o => o.Name + ": " + Lower(o.Description)))));
        }
    }

    private static void Operations(ApiSpec spec, RulesVocabulary vocabulary, RuleKey key, Action<string> line)
    {
        var resources = new ResourceMap(spec.Operations);
        var create = spec.Operations.FirstOrDefault(resources.IsCreate) ?? spec.Operations.FirstOrDefault();
        line(Described("# operations:", key.Description));
        if (create is null)
        {
            return;
        }

        line($"#   {YamlText.Flow(create.OperationId ?? create.Key)}:");
        foreach (var option in RulesKeys.Operation(vocabulary).Keys)
        {
            var example = option.Name switch
            {
                "params" => "{id: 42}",
                "body" => "{name: \"item {{uuid}}\"}",
                "headers" => "{X-Tenant: acme}",
                "expect" => "{happy-path: 201}",
                "id" => "$.id",
                "sunset" => "2027-06-30",
                _ => option.Default is { } d ? YamlText.Flow(d) : "",
            };
            line(Described($"#     {option.Name}: {example}", option.Description));
        }
    }

    // A mapping whose keys all have defaults, commented out whole (conventions, checks).
    private static void Section(RuleKey key, string indent, Action<string> line)
    {
        line(Described($"# {indent}{key.Name}:", key.Description));
        foreach (var child in ((RuleShape.Map)key.Shape).Keys.Where(k => !k.Refused))
        {
            line(Commented(child, indent + "  "));
        }
    }

    // "# key: default" (indented under a commented section header: "#   key: default").
    private static string Commented(RuleKey key, string indent) =>
        Described($"# {indent}{key.Name}: {(key.Default is { } d ? YamlText.Flow(d) : "")}", key.Description);

    private static string Described(string text, string description) =>
        description.Length == 0 ? text : text.PadRight(CommentColumn - 1) + " # " + description;

    private static string Names(IReadOnlyList<string> names) =>
        names.Count <= 8 ? string.Join(", ", names) : string.Join(", ", names.Take(8)) + $" and {names.Count - 8} more";

    private static string Lower(string sentence) => sentence.Length == 0 ? sentence : char.ToLowerInvariant(sentence[0]) + sentence[1..].TrimEnd('.');

    private static string Duration(TimeSpan span) =>
        span.TotalSeconds >= 1 && span.TotalSeconds % 1 == 0 ? (span.TotalSeconds % 60 == 0 ? (span.TotalSeconds / 60).ToString(CultureInfo.InvariantCulture) + "m" : span.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "s")
        : span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + "ms";

    /// <summary>"Todo API" → "TODO": the prefix of the environment variables the template names.</summary>
    internal static string EnvPrefix(string title)
    {
        var words = TemplateAuth.Constant(title.Replace("'s", "", StringComparison.Ordinal).Replace("’s", "", StringComparison.Ordinal), splitWords: false).Split('_').Where(w => w is not ("API" or "REST" or "THE" or "OPENAPI" or "SERVICE") && !(w.Length > 1 && w[0] == 'V' && w[1..].All(char.IsDigit))).Take(2).ToList();
        return words.Count == 0 ? "API" : string.Join("_", words) + "_API";
    }
}
