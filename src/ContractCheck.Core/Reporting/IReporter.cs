namespace ContractCheck.Core.Reporting;

/// <summary>Writes a finished run somewhere: the console, a JUnit file, … Sees only the <see cref="RunReport"/>.</summary>
public interface IReporter
{
    void Report(RunReport report);
}
