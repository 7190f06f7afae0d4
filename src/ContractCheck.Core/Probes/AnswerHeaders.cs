namespace ContractCheck.Core.Probes;

/// <summary>
/// Headers a request takes at run time from an earlier answer of its probe: the answer of the latest request of
/// step <see cref="Step"/>, or, when Step is null, the request's own <see cref="PlannedRequest.ReadFirst"/>. Of
/// <see cref="Copies"/> (answer header → request header) the first whose answer header is present is used:
/// If-None-Match from ETag, else If-Modified-Since from Last-Modified.
/// </summary>
public sealed record AnswerHeaders(IReadOnlyList<(string Answer, string Request)> Copies, string? Step = null)
{
    /// <summary>If-Match from the ETag of the item's GET read just before (a write that declares If-Match or documents 428).</summary>
    public static AnswerHeaders IfMatch { get; } = new([("ETag", "If-Match")]);

    private static readonly (string Answer, string Request)[] ValidatorCopies = [("ETag", "If-None-Match"), ("Last-Modified", "If-Modified-Since")];

    /// <summary>The validators of a conditional GET: If-None-Match from ETag, else If-Modified-Since from Last-Modified (RFC 9110 §13.1.2, §13.1.3).</summary>
    public static AnswerHeaders Validators(string step) => new(ValidatorCopies, step);

    /// <summary>The answer headers that are validators (<see cref="AnswerNeed.Validator"/>): ETag, Last-Modified.</summary>
    public static IReadOnlyList<string> ValidatorFields { get; } = [.. ValidatorCopies.Select(c => c.Answer)];
}
