namespace ContractCheck.Core.Reporting;

/// <summary>
/// A report written to a file: its name ("JUnit XML"), the command-line option that asks for it, what it is for, and
/// how to make its reporter for a path. The command line makes one option per format from <see cref="ReportFormats.All"/>.
/// </summary>
public sealed record ReportFormat(string Name, string Option, string Description, Func<string, IReporter> Create);
