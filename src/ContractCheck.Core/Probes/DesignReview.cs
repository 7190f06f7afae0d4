using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// Finds where the spec contradicts a row of the design tables — a create documented as 200, a
/// DELETE documented as 200 with a body, a secured operation that documents no 401. These are
/// warnings about the spec, not failures of the API (unless the rules say <c>strict: true</c>).
/// </summary>
public static class DesignReview
{
    public static IReadOnlyList<DesignWarning> Review(IEnumerable<ApiOperation> operations, PlanContext context)
    {
        var warnings = new List<DesignWarning>();
        foreach (var operation in operations)
        {
            var documented = Expectations.DocumentedSuccess(operation);
            var responses = operation.Model.Responses ?? [];
            if (documented.Count > 0 && context.Resources.IsCreate(operation)
                && context.Rules.Expect.Find(HappyPathProbe.KindId, "create") is { } create
                && !documented.Any(d => create.Any(c => c.Matches(d.Code))))
            {
                warnings.Add(new DesignWarning(
                    operation,
                    $"creates an item of {operation.Path} but documents {string.Join(", ", documented)}, not {string.Join(" or ", create)} Created with a Location",
                    "expect.happy-path.create"));
            }

            if (operation.Method == "DELETE" && responses.TryGetValue("200", out var ok) && ok.DocumentsBody() && !responses.ContainsKey("204"))
            {
                warnings.Add(new DesignWarning(operation, "answers a DELETE with 200 and a body; the table expects 204 No Content", "expect.happy-path.DELETE"));
            }

            if (Expectations.DocumentedOnlyErrors(operation) is { Count: > 0 } errors)
            {
                warnings.Add(new DesignWarning(operation, $"documents no success status, only {string.Join(", ", errors)}: happy-path expects those", "expect.happy-path"));
            }

            // The request probes' rows where the spec takes the header but leaves the refusal undocumented.
            if (operation.Method is "PUT" or "PATCH" or "DELETE" && operation.HeaderParameter("If-Match") is not null && !responses.ContainsKey("412") && context.Rules.Probe(ConditionalWriteProbe.KindId).Enabled)
            {
                warnings.Add(new DesignWarning(operation, "takes If-Match but documents no 412 Precondition Failed for a stale one", "expect.conditional-write"));
            }

            if (operation.Method == "POST" && IdempotencyKeyProbe.HeaderName(context.Rules) is var key && operation.HeaderParameter(key) is not null && !responses.ContainsKey("422") && context.Rules.Probe(IdempotencyKeyProbe.KindId).Enabled)
            {
                warnings.Add(new DesignWarning(operation, $"takes an {key} but documents no 422 for a key reused with another body", "expect.idempotency-key.other-body"));
            }

            if (operation.RequiresAuth && context.RequiresAuth(operation) && !responses.ContainsKey("401") && !responses.ContainsKey("4XX") && !responses.ContainsKey("4xx"))
            {
                warnings.Add(new DesignWarning(operation, "requires credentials but documents no 401 response for a request without them", "missing-auth → 401"));
            }
        }

        if (!context.SpecDeclaresSecurity && context.CredentialsGiven && operations.Any(context.RequiresAuth))
        {
            warnings.Insert(0, new DesignWarning(null, "the run was given credentials but the spec declares no security scheme: missing-auth and invalid-auth run on every operation the spec does not mark public (security: [])", "components.securitySchemes"));
        }

        return warnings;
    }
}
