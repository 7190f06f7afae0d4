namespace ContractCheck.Core.Probes;

/// <summary>The probe kinds ContractCheck runs, in the order their probes are planned per operation.</summary>
public static class ProbeKinds
{
    public static IReadOnlyList<IProbeKind> All { get; } =
    [
        new HappyPathProbe(),
    ];
}
