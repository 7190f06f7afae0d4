using ContractCheck.Core.Checks;

namespace ContractCheck.NUnit;

/// <summary>
/// How one test case came out: <see cref="Outcome.Failed"/> (the message is the console's block for the probe),
/// <see cref="Outcome.Skipped"/> (the message says why) or <see cref="Outcome.Passed"/> (the message is the probe's
/// line). <see cref="Output"/> is what else the test's output shows: design warnings, items left on the server.
/// </summary>
internal sealed record CaseVerdict(Outcome Outcome, string Message, string? Output = null);
