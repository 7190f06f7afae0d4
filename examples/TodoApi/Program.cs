using TodoApi;

// Run on its own: dotnet run --project examples/TodoApi  (listens on http://127.0.0.1:5080, token "demo-token")
var options = new TodoApiOptions
{
    Token = Environment.GetEnvironmentVariable("TODO_API_TOKEN") is { Length: > 0 } token ? token : TodoApiOptions.DefaultToken,
};
var app = TodoApp.Create(options, args);
if (!args.Any(a => a.StartsWith("--urls", StringComparison.Ordinal)) && Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null)
{
    app.Urls.Add("http://127.0.0.1:5080");
}

app.Run();
