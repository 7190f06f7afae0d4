using ContractCheck.Core.Checks;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// The gravest findings, said once more at the end of a report where nobody misses them: an authentication bypass,
/// broken object-level authorization, a privilege escalation — each with the operations where it was found, in plan order.
/// </summary>
public static class Alarms
{
    private static readonly (string Title, string Sentence)[] Sentences =
    [
        (StatusIsExpected.BypassTitle, "AUTHENTICATION BYPASS on {0} operation(s): {1} answered a request without valid credentials."),
        (StatusIsExpected.BolaTitle, "BROKEN OBJECT-LEVEL AUTHORIZATION on {0} operation(s): {1} served, changed or deleted an item of the main identity for another identity."),
        (StatusIsExpected.EscalationTitle, "PRIVILEGE ESCALATION on {0} operation(s): {1} accepted the limited identity outside its may list."),
    ];

    public static IReadOnlyList<string> Of(IEnumerable<ReportedFinding> findings)
    {
        var list = findings.ToList();
        var alarms = new List<string>();
        foreach (var (title, sentence) in Sentences)
        {
            var operations = list.Where(f => f.Title == title).GroupBy(f => f.Operation.Key).OrderBy(g => g.Min(f => f.ProbeIndex)).Select(g => g.Key).ToList();
            if (operations.Count > 0)
            {
                alarms.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, sentence, operations.Count, string.Join(", ", operations)));
            }
        }

        return alarms;
    }
}
