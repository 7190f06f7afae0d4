namespace ContractCheck.Core.Checks;

/// <summary>
/// expected-status: the status is the one the probe expects (the spec's documented success status, or
/// the design table's row). A 2xx to a request without valid credentials is reported as an
/// authentication bypass.
/// </summary>
public sealed class StatusIsExpected : ICheck
{
    public const string CheckId = "expected-status";
    public const string BypassTitle = "Authentication bypass";
    private const string Title = "Unexpected status code";

    private static readonly HashSet<string> AuthProbes = ["missing-auth", "invalid-auth", "hide-existence"];

    public string Id => CheckId;

    public string Description => "the status is the one the probe expects: the spec's documented success status, else the design table's status for the probe and method";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Exchange.Expected is not { } expected)
        {
            yield break;
        }

        var status = context.Response.Status;
        if (expected.AfterSuccess && context.Exchange.Previous?.Response is not { Status: >= 200 and < 300 })
        {
            yield return Finding.Skip(Id, Title, $"the first request was not accepted ({context.Exchange.Previous?.Response?.Status.ToString() ?? "no answer"}), so the second cannot be judged");
            yield break;
        }

        if (expected.Allows(status))
        {
            yield return Finding.Pass(Id, Title, $"{status} as expected");
            yield break;
        }

        if (status == 404 && context.Exchange.UsedGuessedId && context.Probe.Kind == Probes.HappyPathProbe.KindId)
        {
            yield return Finding.Skip(Id, Title, $"404 for an id ContractCheck had to guess says nothing about the API; give a real one under operations.\"{context.Operation.OperationId ?? context.Operation.Key}\".params in the rules file");
            yield break;
        }

        var why = expected.Why is null ? "" : " — " + expected.Why;
        if (status is >= 200 and < 300 && AuthProbes.Contains(context.Probe.Kind))
        {
            yield return Finding.Fail(Id, BypassTitle, $"AUTH BYPASS: {context.Probe.DisplayName} on {context.Operation.Key} was answered {status} without valid credentials{why}", expected.ToString(), status.ToString(), expected.Source);
            yield break;
        }

        var message = $"{context.Probe.DisplayName} on {context.Operation.Key}: expected {expected}, got {status}{why}";
        if (status is 401 or 403 && context.Probe.Kind == Probes.HappyPathProbe.KindId && context.Operation.RequiresAuth && context.Rules.Auth.IsEmpty
            && !context.Exchange.Request.Headers.Any(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)))
        {
            message += " — the operation needs credentials and none are configured (auth in the rules file, or --header)";
        }

        yield return Finding.Fail(Id, Title, message, expected.ToString(), status.ToString(), expected.Source);
    }
}
