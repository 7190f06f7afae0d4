namespace ContractCheck.Core.Reporting;

/// <summary>
/// A report written to a file: its name ("JUnit XML"), the command-line option that asks for it, what it is for, and
/// how to make its reporter for a path. The command line makes one option per format from <see cref="ReportFormats.All"/>.
/// </summary>
/// <param name="Name">How messages name it.</param>
/// <param name="Option">The command-line option that asks for it.</param>
/// <param name="Description">The option's help.</param>
/// <param name="Create">Makes the reporter for a path.</param>
/// <param name="SpecLines">True when it points into the spec by line (the loader then keeps a JSON spec's lines too).</param>
public sealed record ReportFormat(string Name, string Option, string Description, Func<string, IReporter> Create, bool SpecLines = false);
