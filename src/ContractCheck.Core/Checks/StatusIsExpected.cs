namespace ContractCheck.Core.Checks;

/// <summary>expected-status: the status is the one the probe expects (from the spec, or the design table by method).</summary>
public sealed class StatusIsExpected : ICheck
{
    public const string CheckId = "expected-status";
    private const string Title = "Unexpected status code";

    public string Id => CheckId;

    public string Description => "the status is the one the probe expects: the spec's documented success status, else the design table's status for the method";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Probe.Expected is not { } expected)
        {
            yield break;
        }

        var status = context.Response.Status;
        if (expected.Allows(status))
        {
            yield return Finding.Pass(Id, Title, $"{status} as expected");
            yield break;
        }

        if (status == 404 && context.Exchange.UsedGuessedId)
        {
            yield return Finding.Skip(Id, Title, $"404 for an id ContractCheck had to guess says nothing about the API; give a real one under operations.\"{context.Operation.OperationId ?? context.Operation.Key}\".params in the rules file");
            yield break;
        }

        var message = $"{context.Probe.Kind} on {context.Operation.Key}: expected {expected}, got {status}";
        if (status is 401 or 403 && context.Operation.RequiresAuth && context.Rules.Auth.IsEmpty && !context.Exchange.Request.Headers.Any(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)))
        {
            message += " — the operation needs credentials and none are configured (auth in the rules file, or --header)";
        }

        yield return Finding.Fail(Id, Title, message, expected.ToString(), status.ToString(), expected.Source);
    }
}
