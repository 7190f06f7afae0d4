namespace ContractCheck.Core.Probes;

/// <summary>Where a request value came from; a guessed id answering 404 is a data problem, not a finding.</summary>
public enum ValueOrigin
{
    /// <summary>Written in the rules file (<c>operations.X.params</c> or <c>body</c>).</summary>
    Rules,

    /// <summary>An example, default or enum value from the spec.</summary>
    Example,

    /// <summary>Made up from the schema's type and format.</summary>
    Generated,

    /// <summary>Taken from a resource this run created (Location or id of a create response).</summary>
    Created,

    /// <summary>An id made so that it cannot exist (the not-found probe's).</summary>
    Missing,

    /// <summary>A value that breaks the parameter's schema (the invalid-path-param probe's): never sent with an unsafe method.</summary>
    Invalid,
}
