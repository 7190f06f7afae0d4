namespace ContractCheck.Core.Probes;

/// <summary>The probe kinds ContractCheck runs, in the order their probes are planned per operation.</summary>
public static class ProbeKinds
{
    public static IReadOnlyList<IProbeKind> All { get; } =
    [
        new HappyPathProbe(),
        new DuplicateCreateProbe(),
        new MissingAuthProbe(),
        new InvalidAuthProbe(),
        new HideExistenceProbe(),
        new CrossIdentityProbe(),
        new InsufficientPermissionProbe(),
        new PermittedProbe(),
        new BadJsonProbe(),
        new WrongContentTypeProbe(),
        new InvalidBodyProbe(),
        new NotFoundProbe(),
        new InvalidPathParamProbe(),
        new WrongMethodProbe(),
        new LifecycleProbe(),
        new BurstProbe(),
    ];
}
