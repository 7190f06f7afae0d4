using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>What a probe kind sees while planning: spec, rules, the resources map and the request builder.</summary>
public sealed class PlanContext
{
    public PlanContext(ApiSpec spec, RuleSet rules, PlanOptions options)
    {
        Spec = spec;
        Rules = rules;
        Options = options;
        Resources = new ResourceMap(spec.Operations);
        Requests = new RequestBuilder(spec, rules, options, Resources);
        SpecDeclaresSecurity = spec.Document.Components?.SecuritySchemes is { Count: > 0 } || spec.Operations.Any(o => o.Security.Count > 0);
        CredentialsGiven = !rules.Auth.IsEmpty || options.ExtraHeaders.Any(h => Core.Rules.CredentialNames.IsCredential(h.Key));
    }

    private PlanContext(PlanContext whole, RequestBuilder requests)
    {
        Spec = whole.Spec;
        Rules = whole.Rules;
        Options = whole.Options;
        Resources = whole.Resources;
        Requests = requests;
        SpecDeclaresSecurity = whole.SpecDeclaresSecurity;
        CredentialsGiven = whole.CredentialsGiven;
    }

    /// <summary>
    /// The context the operations of one collection (<see cref="ResourceMap.FamilyOf"/>) are planned in: their bodies
    /// are made fresh against what the collection's earlier probes sent, so collections can be planned at once.
    /// </summary>
    public PlanContext ForCollection() => new(this, Requests.ForCollection());

    /// <summary>False against a stateless API: <c>conventions.stateful: false</c> or --stateless.</summary>
    public bool Stateful => Rules.Conventions.Stateful && !Options.Stateless;

    /// <summary>True when the spec names a security scheme or requirement anywhere.</summary>
    public bool SpecDeclaresSecurity { get; }

    /// <summary>True when the rules (auth) or the command line (--header) give credentials.</summary>
    public bool CredentialsGiven { get; }

    /// <summary>
    /// Whether an operation needs credentials: as its security says; and where the spec declares no security at
    /// all but the run was given credentials, every operation the spec does not mark public (<c>security: []</c>).
    /// </summary>
    public bool RequiresAuth(ApiOperation operation) =>
        !IsPublic(operation)
        && (operation.RequiresAuth || (!SpecDeclaresSecurity && CredentialsGiven && operation.Model.Security is null && !operation.IsUndeclared));

    /// <summary>
    /// Whether an operation is public: it must answer without credentials, so happy-path calls it without them. The rules
    /// say so (<c>operations.&lt;op&gt;.public: true</c>), or the spec does with <c>security: []</c> under a global requirement
    /// — not where an empty alternative only makes credentials optional (<c>security: [{}, {bearer: []}]</c>), and not where
    /// the operation declares a required credential parameter of its own (an <c>Authorization</c> header).
    /// </summary>
    public bool IsPublic(ApiOperation operation) =>
        Rules.ForOperation(operation)?.Public == true
        || (operation.Model.Security is { Count: 0 } && Spec.Document.Security is { Count: > 0 } global && global.Any(r => r.Count > 0)
            && !operation.Parameters.Any(p => p.Required && p.Name is { } name && Core.Rules.CredentialNames.IsCredential(name)));

    public ApiSpec Spec { get; }

    public RuleSet Rules { get; }

    public PlanOptions Options { get; }

    public ResourceMap Resources { get; }

    public RequestBuilder Requests { get; }

    /// <summary>A random source for one operation and probe: seeded from the run's seed and their names, so values stay stable when other operations change.</summary>
    public Random RandomFor(string probe, ApiOperation operation) => new(unchecked(Options.Seed * 31 + StableHash.Of(probe, " ", operation.Key)));
}
