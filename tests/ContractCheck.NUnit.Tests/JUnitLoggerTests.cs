using System.Xml.Linq;
using System.Xml.Schema;
using ContractCheck.NUnit.Tests.Support;
using ContractCheck.Tests;

namespace ContractCheck.NUnit.Tests;

/// <summary>
/// JUnit for CI: <c>dotnet test --logger junit</c> on the example project (JunitXml.TestLogger) writes one testcase per
/// probe, named as the cases are, valid against Jenkins' junit-10.xsd once the suite's time is rounded to milliseconds.
/// </summary>
public class JUnitLoggerTests
{
    // The README's rounding of the suite time to milliseconds (testcase times are free text in junit-10.xsd).
    private const string ReadmeSed = @"s/(<testsuite [^>]*time=""[0-9]+\.[0-9]{1,3})[0-9]*""/\1""/";

    [Test]
    public async Task DotnetTest_WithTheJUnitLogger_WritesOneTestcasePerProbe_ValidAgainstJenkinsSchema()
    {
        var xsd = SharedData.Require("junit/junit-10.xsd");
        var tests = Repository.Path("examples", "TodoApi.ContractTests", "bin", Build.Configuration, "net10.0", "TodoApi.ContractTests.dll");
        Assert.That(File.Exists(tests), Is.True, $"{tests} is built with this project (a build dependency)");
        var results = Directory.CreateTempSubdirectory("cc-junit-").FullName;
        var junit = Path.Combine(results, "contract.xml");
        try
        {
            var (exit, stdout, stderr) = await ChildProcess.RunAsync(TimeSpan.FromMinutes(3), "dotnet", "test", tests, "--filter", "FullyQualifiedName~.TodoApiContract.",
                "--logger", $"junit;LogFilePath={junit}", "--results-directory", results);

            Assert.That(File.Exists(junit), Is.True, stdout + stderr);
            // JUnitXml.TestLogger 8.1.0 writes the suite's time with up to 7 decimals, which junit-10.xsd's SUREFIRE_TIME
            // (3 at most) rejects; Jenkins' xUnit plugin skips such a file. That is the only deviation: the README's
            // one-line sed rounds it, and the file is then valid.
            Assert.That(SchemaErrors(junit, xsd), Has.All.Contains("'time'").And.All.Contains("SUREFIRE_TIME"));
            var (sed, _, sedErr) = await ChildProcess.RunAsync(TimeSpan.FromSeconds(30), "sed", "-E", "-i", ReadmeSed, junit);
            Assert.That(sed, Is.Zero, sedErr);
            Assert.That(SchemaErrors(junit, xsd), Is.Empty, "valid against junit-10.xsd");
            var document = XDocument.Load(junit);

            var probes = ContractSuite.FromSpec(TodoContract.Spec).WithRules(TodoContract.Rules).Against(new Uri("http://127.0.0.1:9/")).Cases().Select(c => c.Name);
            var testcases = document.Descendants("testcase").ToList();
            Assert.That(testcases.Select(t => t.Attribute("name")!.Value), Is.EquivalentTo(probes), "one testcase per probe, named METHOD /path: probe");
            Assert.That(testcases.Select(t => t.Attribute("classname")!.Value).Distinct(), Is.EqualTo(new[] { "TodoApi.ContractTests.TodoApiContract" }));
            // Whether every case passes is the example's own test (the burst and the response-time budget depend on how
            // loaded the machine is); here the file is what is judged.
            Assert.That(exit, Is.Zero.Or.EqualTo(1), stdout + stderr);
        }
        finally
        {
            Directory.Delete(results, true);
        }
    }

    private static List<string> SchemaErrors(string junit, string xsd)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, xsd);
        var errors = new List<string>();
        XDocument.Load(junit).Validate(schemas, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }
}
