using TodoApi;

// Run on its own: dotnet run --project examples/TodoApi  (listens on http://127.0.0.1:5080; alice's token "demo-token",
// carol's "reader-token"; bob logs in with POST /login {"username": "bob", "password": "bob-password"})
var options = new TodoApiOptions
{
    Token = Environment.GetEnvironmentVariable("TODO_API_TOKEN") is { Length: > 0 } token ? token : TodoApiOptions.DefaultToken,
    ReaderToken = Environment.GetEnvironmentVariable("TODO_READER_TOKEN") is { Length: > 0 } reader ? reader : TodoApiOptions.DefaultReaderToken,
};
if (Environment.GetEnvironmentVariable("TODO_BOB_PASSWORD") is { Length: > 0 } bob)
{
    options = new TodoApiOptions { Token = options.Token, ReaderToken = options.ReaderToken, Passwords = new Dictionary<string, string>(options.Passwords) { [TodoUser.Bob.Name] = bob } };
}

var app = TodoApp.Create(options, args);
if (!args.Any(a => a.StartsWith("--urls", StringComparison.Ordinal)) && Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null)
{
    app.Urls.Add("http://127.0.0.1:5080");
}

app.Run();
