using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Rules;

/// <summary>
/// The merged, validated rules of a run: the built-in tables plus the user's file. Immutable; built
/// by <see cref="RulesLoader"/> before any request is sent.
/// </summary>
public sealed class RuleSet
{
    internal RuleSet(
        IReadOnlyList<string> sources,
        AuthSettings auth,
        ErrorSettings errors,
        Conventions conventions,
        IReadOnlyList<RateLimitRule> rateLimits,
        IReadOnlyDictionary<string, ProbeSettings> probes,
        IReadOnlyList<OperationRules> operations,
        IReadOnlyList<ResponseRule> responses,
        IReadOnlyList<OperationSelector> skip,
        IReadOnlyDictionary<string, bool> checks,
        ExpectTable expect,
        bool strict)
    {
        Sources = sources;
        Auth = auth;
        Errors = errors;
        Conventions = conventions;
        RateLimits = rateLimits;
        Probes = probes;
        Operations = operations;
        Responses = responses;
        Skip = skip;
        Checks = checks;
        Expect = expect;
        Strict = strict;
    }

    /// <summary>The files merged, in order: built-in sets first, the user's file last.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The main identity's credentials (<c>auth</c>): every valid request is sent with them.</summary>
    public AuthSettings Auth { get; }

    /// <summary>The identities of <c>identities</c> (other, limited) by name; the main one is <see cref="Auth"/>.</summary>
    public IReadOnlyDictionary<string, Identity> Identities { get; init; } = new Dictionary<string, Identity>();

    /// <summary>Every identity with credentials, the main one first (a main identity without any, too).</summary>
    public IEnumerable<Identity> AllIdentities => Identities.Values.OrderBy(i => i.Name, StringComparer.Ordinal).Prepend(new Identity(IdentityNames.Main, Auth, [], null));

    /// <summary>The credentials of an identity: <see cref="Auth"/> for the main one, none for <see cref="IdentityNames.None"/> or one the rules do not give.</summary>
    public AuthSettings CredentialsOf(string identity) =>
        identity == IdentityNames.Main ? Auth : Identities.TryGetValue(identity, out var other) ? other.Auth : new AuthSettings();

    /// <summary>The login of some identity that calls this operation (the main identity's first): its body is how to call it.</summary>
    public LoginSettings? LoginFor(ApiOperation operation) =>
        AllIdentities.Select(i => i.Auth.Token).OfType<LoginSettings>().FirstOrDefault(l => l.Operation.Matches(operation));

    public ErrorSettings Errors { get; }

    public Conventions Conventions { get; }

    public IReadOnlyList<RateLimitRule> RateLimits { get; }

    public IReadOnlyDictionary<string, ProbeSettings> Probes { get; }

    public IReadOnlyList<OperationRules> Operations { get; }

    public IReadOnlyList<ResponseRule> Responses { get; }

    public IReadOnlyList<OperationSelector> Skip { get; }

    public IReadOnlyDictionary<string, bool> Checks { get; }

    public ExpectTable Expect { get; }

    /// <summary>Each value a <c>${NAME}</c> put into the rules, with the variable's name: reproductions name the variable, never the secret.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>The values the environment gave to <c>${VAR}</c> references (defaults not included): all masked as secrets.</summary>
    public IReadOnlySet<string> EnvironmentValues { get; init; } = new HashSet<string>();

    /// <summary>When true, design warnings about the spec count as failures.</summary>
    public bool Strict { get; }

    public bool IsCheckEnabled(string id) => Checks.GetValueOrDefault(id, true);

    public ProbeSettings Probe(string id) => Probes.GetValueOrDefault(id) ?? ProbeSettings.Default;

    public bool IsSkipped(ApiOperation operation) => Skip.Any(s => s.Matches(operation));

    /// <summary>True when the <c>operations</c> section names this operation itself (not by a glob): consent to send it as it is.</summary>
    public bool NamesExactly(ApiOperation operation) => Operations.Any(o => !o.Selector.IsPattern && o.Selector.Matches(operation));

    /// <summary>Everything the <c>operations</c> section says about an operation; later entries win.</summary>
    public OperationRules? ForOperation(ApiOperation operation)
    {
        OperationRules? merged = null;
        foreach (var rules in Operations.Where(o => o.Selector.Matches(operation)))
        {
            merged = merged is null
                ? rules
                : new OperationRules(
                    rules.Selector,
                    Overlay(merged.Params, rules.Params),
                    rules.Body ?? merged.Body,
                    Overlay(merged.Headers, rules.Headers),
                    Overlay(merged.Expect, rules.Expect)) { Id = rules.Id ?? merged.Id, Public = rules.Public || merged.Public, Sunset = rules.Sunset ?? merged.Sunset };
        }

        return merged;
    }

    /// <summary>The date an operation goes away: <c>operations.&lt;op&gt;.sunset</c> in the rules, else the spec's <c>x-sunset</c>; null when neither says.</summary>
    public string? SunsetOf(ApiOperation operation) => ForOperation(operation)?.Sunset ?? operation.Sunset;

    /// <summary>
    /// Checks that every operation the rules name exactly exists in the spec, so a typo or a renamed
    /// operation is an error instead of a rule that silently never applies.
    /// </summary>
    public void Validate(ApiSpec spec)
    {
        var selectors = Operations.Select(o => o.Selector)
            .Concat(AllIdentities.Select(i => i.Auth.Token).OfType<LoginSettings>().Select(l => l.Operation))
            .Concat(RateLimits.Select(r => r.Operation))
            .Concat(Skip)
            .Concat(Responses.SelectMany(r => r.Operations))
            .Concat(Probes.Values.SelectMany(p => p.Operations));
        foreach (var selector in selectors.Where(s => !s.IsPattern))
        {
            if (!spec.Operations.Any(selector.Matches))
            {
                var names = spec.Operations.SelectMany(o => o.OperationId is null ? new[] { o.Key } : [o.OperationId, o.Key]).ToList();
                var close = DidYouMean.Closest(selector.Text, names);
                throw new ContractCheckException(
                    $"the rules name operation '{selector.Text}', which the spec does not have",
                    selector.Location,
                    close is not null ? $"did you mean '{close}'?" : "name an operationId or \"METHOD /path\" exactly as the spec writes it");
            }
        }

        IdentityRules.Validate(this, spec);
    }

    private static Dictionary<TKey, TValue> Overlay<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> first, IReadOnlyDictionary<TKey, TValue> second)
        where TKey : notnull
    {
        var result = first.ToDictionary(p => p.Key, p => p.Value);
        foreach (var (k, v) in second)
        {
            result[k] = v;
        }

        return result;
    }
}
