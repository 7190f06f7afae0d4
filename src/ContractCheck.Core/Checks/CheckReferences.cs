namespace ContractCheck.Core.Checks;

/// <summary>
/// Where each built-in check's claim comes from — the RFC section or specification it holds the API to — for reports
/// that link a rule to its source (SARIF's helpUri, the HTML report). A check may override <see cref="ICheck.Reference"/>.
/// </summary>
public static class CheckReferences
{
    private const string Rfc9110 = "https://www.rfc-editor.org/rfc/rfc9110";
    private const string OpenApi = "https://spec.openapis.org/oas/v3.1.0";

    private static readonly Dictionary<string, string> ById = new(StringComparer.Ordinal)
    {
        ["status-documented"] = OpenApi + "#responses-object",
        ["expected-status"] = Rfc9110 + "#section-15",
        ["required-headers"] = Rfc9110 + "#section-15",
        ["allow-header"] = Rfc9110 + "#section-15.5.6",
        ["empty-body"] = Rfc9110 + "#section-15.3.5",
        ["no-error-in-success"] = Rfc9110 + "#section-15.3",
        ["content-type"] = Rfc9110 + "#section-8.3",
        ["response-schema"] = OpenApi + "#media-type-object",
        ["response-headers"] = OpenApi + "#header-object",
        ["error-shape"] = "https://www.rfc-editor.org/rfc/rfc9457",
        ["problem-details"] = "https://www.rfc-editor.org/rfc/rfc9457#section-3.1",
        ["no-leak"] = "https://cwe.mitre.org/data/definitions/209.html",
        ["not-cacheable-5xx"] = "https://www.rfc-editor.org/rfc/rfc9111#section-3",
        ["read-matches-create"] = Rfc9110 + "#section-15.3.2",
        ["rate-limited"] = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        ["retry-after"] = Rfc9110 + "#section-10.2.3",
        ["rate-limit-headers"] = "https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/",
        ["rate-limit-fields"] = "https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/",
        ["no-errors-under-load"] = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        ["deprecation"] = "https://www.rfc-editor.org/rfc/rfc9745",
        ["read-only-id"] = "https://json-schema.org/draft/2020-12/json-schema-validation#section-9.4",
        ["head-like-get"] = Rfc9110 + "#section-9.3.2",
        ["not-modified"] = Rfc9110 + "#section-15.4.5",
        ["unchanged-when-refused"] = Rfc9110 + "#section-13.1.1",
        ["idempotent-replay"] = "https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/",
        ["links-on-origin"] = "https://www.rfc-editor.org/rfc/rfc8288",
        [BuiltInChecks.ResponseReceived] = Rfc9110 + "#section-15",
    };

    /// <summary>The reference of a check id, or null (a check of the user's own rows, a timing budget).</summary>
    public static string? Of(string id) => ById.GetValueOrDefault(id);
}
