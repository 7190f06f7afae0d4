using BookstoreApi;

// Run standalone: dotnet run --project examples/BookstoreApi -- --urls http://127.0.0.1:5090
var app = BookstoreApp.Create(args);
app.Run();
