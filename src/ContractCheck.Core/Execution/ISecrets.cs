namespace ContractCheck.Core.Execution;

/// <summary>
/// The run's keeper of secrets, as the Execute stage sees it: it learns each token fetched at run time (so every report
/// masks it) and masks text before it goes into a message. Implemented by <see cref="Reporting.Redactor"/>. Thread-safe.
/// </summary>
public interface ISecrets
{
    /// <summary>A new secret (a fetched token), and the shell variable a reproduction names in its place.</summary>
    void Add(string secret, string variable);

    /// <summary>The text with every known secret masked.</summary>
    string Mask(string text);
}
