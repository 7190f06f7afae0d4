namespace ContractCheck.Core.Checks;

/// <summary>Every check ContractCheck runs on every response, in report order.</summary>
public static class BuiltInChecks
{
    /// <summary>Not a switchable check: the finding when no response came back at all.</summary>
    public const string ResponseReceived = "response-received";

    public static IReadOnlyList<ICheck> All { get; } =
    [
        new StatusIsDocumented(),
        new StatusIsExpected(),
        new TableCheck("required-headers", "Missing or malformed required header", "header obligations by status from the tables: 201 Location, 401 WWW-Authenticate, 405 Allow, 429/503 Retry-After"),
        new AllowListsDeclaredMethods(),
        new TableCheck("empty-body", "Body where none is allowed", "204 and 304 responses carry no body"),
        new SuccessCarriesNoError(),
        new ContentTypeIsDeclared(),
        new ResponseMatchesSchema(),
        new DocumentedHeadersPresent(),
        new ErrorMatchesShape(),
        new ProblemDetailsAreWellFormed(),
        new TableCheck("no-leak", "Internal details leaked in an error", "4xx/5xx bodies leak no stack traces, exception class names, source file paths or SQL errors"),
        new TableCheck("not-cacheable-5xx", "Cacheable server error", "5xx responses are not marked cacheable"),
        new ResponseIsTimely(),
        new ReadMatchesCreate(),
        new ReadOnlyIdIsNotTaken(),
        new HeadMatchesGet(),
        new NotModifiedKeepsHeaders(),
        new UnchangedWhenRefused(),
        new ReplayMatchesFirst(),
        new LinksStayOnOrigin(),
        new RateLimited(),
        new ThrottledWithRetryAfter(),
        new RateLimitHeadersConsistent(),
        new StableUnderLoad(),
        new RateLimitFieldsAreWellFormed(),
        new TableCheck("deprecation", "Deprecation not announced", "operations the spec marks deprecated answer with Deprecation (RFC 9745), and Sunset (RFC 8594) where a sunset date is known; opt-in set builtin:deprecation"),
        new TableCheck(Rules.ResponseRule.DefaultCheck, "Rules table row broken", "rows of your rules file's 'responses' table that name no other check"),
    ];
}
