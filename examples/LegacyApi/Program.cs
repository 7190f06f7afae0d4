using LegacyApi;

// Run on its own: dotnet run --project examples/LegacyApi  (http://127.0.0.1:5081, any bearer token)
var app = LegacyApp.Create(args);
if (!args.Any(a => a.StartsWith("--urls", StringComparison.Ordinal)) && Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null)
{
    app.Urls.Add("http://127.0.0.1:5081");
}

app.Run();
