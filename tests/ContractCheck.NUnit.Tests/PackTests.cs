using System.IO.Compression;
using System.Xml.Linq;
using ContractCheck.NUnit.Tests.Support;
using ContractCheck.Tests;

namespace ContractCheck.NUnit.Tests;

/// <summary>The library is a NuGet package: <c>dotnet pack</c> makes it, with the assembly, the README and its dependencies.</summary>
public class PackTests
{
    [Test]
    public async Task Pack_MakesThePackage_WithItsAssemblyReadmeAndDependencies()
    {
        var output = Directory.CreateTempSubdirectory("cc-pack-").FullName;
        try
        {
            // The build of this test run is packed as it is (no second build beside the one running the tests).
            var (exit, stdout, stderr) = await ChildProcess.RunAsync(TimeSpan.FromMinutes(3), "dotnet", "pack", Repository.Path("src", "ContractCheck.NUnit", "ContractCheck.NUnit.csproj"),
                "--no-build", "-c", Build.Configuration, "-o", output);

            Assert.That(exit, Is.Zero, stdout + stderr);
            var package = Directory.GetFiles(output, "ContractCheck.NUnit.*.nupkg").Single();
            using var zip = ZipFile.OpenRead(package);
            Assert.That(zip.Entries.Select(e => e.FullName), Does.Contain("lib/net10.0/ContractCheck.NUnit.dll").And.Contain("lib/net10.0/ContractCheck.NUnit.xml").And.Contain("README.md"));
            using var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            var dependencies = XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value);
            Assert.That(dependencies, Is.SupersetOf(new[] { "ContractCheck.Core", "NUnit", "Microsoft.AspNetCore.Mvc.Testing" }));
        }
        finally
        {
            Directory.Delete(output, true);
        }
    }
}
