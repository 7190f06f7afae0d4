using System.Text;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Rules;

namespace ContractCheck.Core.Tests.Checks;

/// <summary>
/// The no-leak rows of builtin:security, each pattern on a body that leaks and on near-misses that must not match
/// (error bodies that echo the request's own path, URLs, a user's file named in a validation error). Pure: the rows
/// are evaluated on responses built as data.
/// </summary>
public class LeakPatternTests
{
    private static readonly IReadOnlyList<ResponseRule> Rows =
        new RulesLoader(Defaults.Vocabulary).Load(null).Responses.Where(r => r.Check == "no-leak").ToList();

    private static List<string> Leaks(string body)
    {
        var response = new ReceivedResponse(500, "Internal Server Error", "1.1", [], Encoding.UTF8.GetBytes(body), false);
        return Rows.SelectMany(r => RowEvaluator.Forbid(r.Forbid, response)).Select(p => p.Actual).ToList();
    }

    // A traceback serialised as JSON: Python's traceback.format_list, Jackson's StackTraceElement, Laravel's trace.
    [TestCase("""{"error":"KeyError","trace":["  File \"/srv/app/views.py\", line 42, in create\n","  File \"/srv/app/db.py\", line 7, in insert\n"]}""")]
    [TestCase("""{"frames":["File \"<string>\", line 1, in <module>"]}""")]
    [TestCase("""{"trace":["  File \u0022/srv/app/tags.py\u0022, line 42, in create\n"]}""")]
    [TestCase("""{"error":"cannot open \u0022/srv/app/config/settings\u0022"}""")]
    [TestCase("""{"stackTrace":[{"className":"com.acme.ItemService","methodName":"create","fileName":"ItemService.java","lineNumber":88}]}""")]
    [TestCase("""{"message":"Undefined index","exception":"ErrorException","file":"/var/www/html/app/Http/Controllers/ItemController.php","line":42}""")]
    // Absolute server paths, raw and JSON-escaped
    [TestCase("""{"error":"cannot open /srv/app/config/settings"}""")]
    [TestCase("""{"error":"template not found in /var/www/html"}""")]
    [TestCase("""{"detail":"No such file: /home/deploy/api/server.py"}""")]
    [TestCase("""{"detail":"failed to read /opt/service/etc/app.yaml"}""")]
    [TestCase("""{"error":"Could not load C:\\inetpub\\wwwroot\\api\\web.config"}""")]
    [TestCase(@"Could not find a part of the path 'C:\Users\builder\src\Api\appsettings.json'.")]
    [TestCase(@"error in D:\a\1\s\src\Api\ItemsController.cs")]
    // Framework debug pages
    [TestCase("<footer id=\"explanation\"><p>You’re seeing this error because you have <code>DEBUG = True</code> in your\n Django settings file.</p></footer>")]
    [TestCase("<p>Using the URLconf defined in <code>shop.urls</code>, Django tried these URL patterns</p>")]
    [TestCase("<title>KeyError: 'id' // Werkzeug Debugger</title>")]
    [TestCase("<p>The debugger caught an exception in your WSGI application. You can now look at the traceback</p>")]
    [TestCase("<script>window.ignite(window.data);</script>")]
    [TestCase("<div class=\"Whoops container\"><div class=\"stack-container\">")]
    [TestCase("<title>Action Controller: Exception caught</title>")]
    [TestCase("<span><H1>Server Error in '/' Application.<hr width=100% size=1 color=silver></H1>")]
    [TestCase("<h1>An unhandled exception occurred while processing the request.</h1>")]
    public void ABodyThatLeaks_Matches(string body)
    {
        Assert.That(Leaks(body), Is.Not.Empty);
    }

    // Error bodies that echo the request's own path, URLs, and errors about the client's own data.
    [TestCase("Cannot GET /home/items")]
    [TestCase("Cannot GET /home/items/42/comments")]
    [TestCase("Cannot POST /srv/app/items")]
    [TestCase("<p>The requested URL /app/index.php was not found on this server.</p>")]
    [TestCase("""{"timestamp":"2026-01-01T00:00:00Z","status":404,"error":"Not Found","path":"/srv/items/1/main"}""")]
    [TestCase("""{"type":"about:blank","title":"Not Found","status":404,"instance":"/home/alice/notes.txt"}""")]
    [TestCase("""{"type":"https://example.com/home/probs/out-of-credit.js","title":"Out of credit"}""")]
    [TestCase("""{"error":"File \"report.csv\", line 3: the price is not a number"}""")]
    [TestCase("""{"file":"import.csv","line":3,"error":"bad value"}""")]
    [TestCase("""{"error":"unknown field /home"}""")]
    [TestCase("""{"error":"see /docs/errors.html"}""")]
    [TestCase("""{"error":"drive C:\\ is full"}""")]
    [TestCase("the debugger is off; DEBUG = False")]
    [TestCase("""{"title":"Server Error","detail":"an unhandled exception occurred"}""")]
    public void ANearMiss_DoesNotMatch(string body)
    {
        Assert.That(Leaks(body), Is.Empty);
    }

    // A file with its line is one leak, reported once (by the source-file row), not again as a path.
    [TestCase("at Items.Get() in /srv/app/src/Items.cs:line 42", "/srv/app/src/Items.cs:line 42")]
    [TestCase("  File \"/srv/app/api/views.py\", line 42, in get", "/srv/app/api/views.py\", line 42")]
    [TestCase(@"at Api.Get() in D:\a\1\s\src\Api\ItemsController.cs:line 12", @"\a\1\s\src\Api\ItemsController.cs:line 12")]
    public void AFileWithItsLine_IsReportedOnce(string body, string reported)
    {
        Assert.That(Leaks(body).Where(l => !l.Contains("at Items.Get", StringComparison.Ordinal) && !l.Contains("at Api.Get", StringComparison.Ordinal) && !l.Contains("Traceback", StringComparison.Ordinal)), Is.EqualTo(new[] { reported }));
    }
}
