namespace ContractCheck.Core.Checks;

/// <summary>
/// One claim about every response, with a stable kebab-case id used in rules files, console and
/// JUnit. Pure: it reads the exchange, the spec and the rules, never the network. Returns nothing
/// when the claim does not apply to this response.
/// </summary>
public interface ICheck
{
    string Id { get; }

    /// <summary>The claim as a sentence, for docs and --help.</summary>
    string Description { get; }

    /// <summary>Where the claim comes from: an RFC section or specification URL (see <see cref="CheckReferences"/>), or null.</summary>
    string? Reference => CheckReferences.Of(Id);

    IEnumerable<Finding> Check(CheckContext context);
}
