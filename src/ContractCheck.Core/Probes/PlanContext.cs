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
    }

    public ApiSpec Spec { get; }

    public RuleSet Rules { get; }

    public PlanOptions Options { get; }

    public ResourceMap Resources { get; }

    public RequestBuilder Requests { get; }

    /// <summary>A random source for one operation and probe: seeded from the run's seed and their names, so values stay stable when other operations change.</summary>
    public Random RandomFor(string probe, ApiOperation operation) => new(unchecked(Options.Seed * 31 + StableHash.Of(probe + " " + operation.Key)));
}
