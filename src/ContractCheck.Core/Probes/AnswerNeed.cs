namespace ContractCheck.Core.Probes;

/// <summary>
/// What an earlier answer must carry for a request that builds on it to be sent (<see cref="PlannedRequest.Needs"/>);
/// where it does not, the claim the request tests does not apply and it is not sent.
/// </summary>
public enum AnswerNeed
{
    /// <summary>A validator to make a request conditional on: an ETag or a Last-Modified date.</summary>
    Validator,

    /// <summary>A strong ETag: If-Match compares strongly, a weak tag never matches (RFC 9110 §8.8.3.2).</summary>
    StrongETag,
}
