using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ContractCheck.Core.Checks;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// A finding's identity across runs: the operation, the probe (with its case), the step of the probe, the check and
/// the table row it breaks (where the rule comes from and what it expects) — never the seed, generated values, timings
/// or the response's text, so the same defect has the same fingerprint in every run and every report. Rule positions
/// (file:line:column) are left out too, so editing the rules file above a row does not change it.
/// </summary>
public static partial class Fingerprint
{
    /// <summary>The fingerprint of a failed (or broken) check result: 16 hex digits.</summary>
    public static string Of(CheckResult result) => Of(Key(result.Probe.Operation.Key, result.Probe.DisplayName, result.Exchange?.Planned.Step, result.Finding.Check), Row(result.Finding));

    /// <summary>Where a check judged a probe: operation, probe, step and check. A baseline entry's finding is fixed when this passed.</summary>
    public static string Key(string operation, string probe, string? step, string check) => string.Join('\u001f', operation, probe, step ?? "", check);

    /// <summary>The table row a finding breaks: its source without positions, and what the row expects.</summary>
    public static string Row(Finding finding) => string.Join('\u001f', Position().Replace(finding.Source ?? "", ""), finding.Expected ?? "", finding.Outcome == Outcome.Error ? "error" : "");

    private static string Of(string key, string row)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key + '\u001e' + row));
        return Convert.ToHexStringLower(hash, 0, 8);
    }

    [GeneratedRegex(@":\d+:\d+")]
    private static partial Regex Position();
}
