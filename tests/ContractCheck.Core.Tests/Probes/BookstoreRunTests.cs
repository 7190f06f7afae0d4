using BookstoreApi;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContractCheck.Core.Tests.Probes;

/// <summary>
/// The second conformant example, run with its own smallest honest rules file: it has the habits that made
/// ContractCheck cry wolf on real APIs (a unique key in the create example that already exists, errors negotiated by
/// Accept, a create answering 200 with the id in the body, nested items, If-Match, an operation with no 2xx).
/// </summary>
public class BookstoreRunTests
{
    private static async Task<(Core.Reporting.RunReport Report, BookStore Store, Book Seeded)> RunAsync(string? rules = null)
    {
        var (app, url) = await BookstoreApp.StartAsync();
        await using (app)
        {
            var store = app.Services.GetRequiredService<BookStore>();
            var seeded = store.Find(BookStore.SeededIsbn)!;
            var report = await Pipeline.RunAsync(BookstoreFiles.OpenApi, rules ?? BookstoreFiles.Rules, url, env: new() { ["BOOKSTORE_API_KEY"] = BookstoreApp.DefaultKey });
            await app.StopAsync();
            return (report, store, seeded);
        }
    }

    [Test]
    public async Task ConformantApi_NoFailure_EverythingCreatedIsDeleted_TheSeededBookUntouched()
    {
        var (report, store, seeded) = await RunAsync();

        // What the request probes find nothing to judge in: no validator on lists and reviews, no Link, Accept disregarded.
        Assert.That(report.NotPassed().Where(n => !System.Text.RegularExpressions.Regex.IsMatch(n, @"^\S+ \S+ [a-z-]+: probe: (\S+: )?(not applicable: |Accept disregarded: )")), Is.Empty);
        Assert.That(report.Failed, Is.Zero);
        Assert.That(report.Cases.Where(c => c.Probe.StartsWith("conditional-", StringComparison.Ordinal) && c.Outcome == Outcome.Passed).Select(c => c.Operation.Key + " " + c.Probe).Distinct(),
            Is.SupersetOf(new[] { "GET /books/{isbn} conditional-get", "GET /books/{isbn} conditional-get (changed item)", "PUT /books/{isbn} conditional-write", "DELETE /books/{isbn} conditional-write" }));
        Assert.That(report.Created, Is.GreaterThanOrEqualTo(3), "the 200 creates of books (id in isbn) and the 201 creates of reviews are counted");
        Assert.That(report.Deleted, Is.EqualTo(report.Created));
        Assert.That(store.All, Is.EqualTo(new[] { seeded }), "only the book that existed before the run is left, unchanged");
        Assert.That(report.Outcomes.SelectMany(o => o.Exchanges).Where(e => e.Request.Method is "PUT" or "DELETE" && e.Request.Url.AbsolutePath.Contains(BookStore.SeededIsbn)), Is.Empty);
    }

    [Test]
    public async Task CreateBodyWithTheSeededIsbn_ChainsAreSkippedNamingTheRefusedCreate_TheSeededBookIsNeverWritten()
    {
        // What a stale rules file does: every create sends the isbn that exists, so each is refused with 409.
        var rules = BookstoreFiles.Rules + $$$"""

            operations:
              createBook:
                body: {isbn: "{{{BookStore.SeededIsbn}}}", title: Another, author: {name: Someone}}
            """;

        var (report, store, seeded) = await RunAsync(rules);

        Assert.That(store.Find(BookStore.SeededIsbn), Is.EqualTo(seeded));
        var writes = report.Outcomes.SelectMany(o => o.Exchanges).Where(e => e.Request.Method is "PUT" or "DELETE" && e.Request.Url.AbsolutePath.Contains(BookStore.SeededIsbn));
        Assert.That(writes.Select(e => e.Request.Method + " " + e.Request.Url.AbsolutePath), Is.Empty);
        var lifecycle = report.Cases.Single(c => c.Probe == "lifecycle" && c.Operation.Key == "POST /books" && c.Check == Judge.ProbeCheck);
        Assert.That(lifecycle.Outcome, Is.EqualTo(Outcome.Skipped));
        Assert.That(lifecycle.Results[0].Finding.Message, Does.Contain("409"));
        Assert.That(report.Cases.Where(c => c.Outcome == Outcome.Failed && c.Results.Any(r => r.Exchange?.Response?.Status == 404)), Is.Empty, "no 404 of a guessed id is a failure");
    }
}
