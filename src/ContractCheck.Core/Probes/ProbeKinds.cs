namespace ContractCheck.Core.Probes;

/// <summary>The probe kinds ContractCheck runs, in the order their probes are planned (and reported) per operation.</summary>
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
        new HeadMatchesGetProbe(),
        new UnacceptableAcceptProbe(),
        new ConditionalGetProbe(),
        new ConditionalWriteProbe(),
        new IdempotencyKeyProbe(),
        new PaginationLinksProbe(),

        // The probes of methods the spec does not declare for a path come after the path's operation's own.
        new WrongMethodProbe(),
        new OptionsAllowProbe(),
        new LifecycleProbe(),
        new BurstProbe(),
    ];
}
