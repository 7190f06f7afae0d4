using ContractCheck.Core.Yaml;

namespace ContractCheck.Core.Rules;

/// <summary>A probe kind's settings from the rules' <c>probes</c> section: on or off, and its options.</summary>
public sealed record ProbeSettings(bool Enabled, IReadOnlyDictionary<string, YNode> Options, string File)
{
    public static ProbeSettings Default { get; } = new(true, new Dictionary<string, YNode>(), "");
}
