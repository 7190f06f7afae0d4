namespace BookstoreApi;

public sealed record Author(string Name, string? Country);

public sealed record Book(string Isbn, string Title, Author Author, int Version);

public sealed record Review(long Id, int Rating, string? Text);

/// <summary>Books by isbn and their reviews, in memory, thread-safe. One book exists from the start: the spec's example.</summary>
public sealed class BookStore
{
    public const string SeededIsbn = "9780441478125";

    private readonly object _gate = new();
    private readonly SortedDictionary<string, Book> _books = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Review>> _reviews = new(StringComparer.Ordinal);
    private long _nextReview = 1;

    public BookStore()
    {
        Add(SeededIsbn, "The Left Hand of Darkness", new Author("Ursula K. Le Guin", "US"));
    }

    public IReadOnlyList<Book> All
    {
        get { lock (_gate) { return [.. _books.Values]; } }
    }

    public Book? Find(string isbn)
    {
        lock (_gate) { return _books.GetValueOrDefault(isbn); }
    }

    /// <summary>Null when a book with this isbn exists.</summary>
    public Book? Add(string isbn, string title, Author author)
    {
        lock (_gate)
        {
            if (_books.ContainsKey(isbn))
            {
                return null;
            }

            var book = new Book(isbn, title, author, 1);
            _books[isbn] = book;
            _reviews[isbn] = [];
            return book;
        }
    }

    public Book? Replace(string isbn, string title, Author author)
    {
        lock (_gate)
        {
            if (!_books.TryGetValue(isbn, out var old))
            {
                return null;
            }

            return _books[isbn] = new Book(isbn, title, author, old.Version + 1);
        }
    }

    public bool Remove(string isbn)
    {
        lock (_gate)
        {
            _reviews.Remove(isbn);
            return _books.Remove(isbn);
        }
    }

    public IReadOnlyList<Review>? Reviews(string isbn)
    {
        lock (_gate) { return _reviews.TryGetValue(isbn, out var list) ? [.. list] : null; }
    }

    public Review? AddReview(string isbn, int rating, string? text)
    {
        lock (_gate)
        {
            if (!_reviews.TryGetValue(isbn, out var list))
            {
                return null;
            }

            var review = new Review(_nextReview++, rating, text);
            list.Add(review);
            return review;
        }
    }

    public bool RemoveReview(string isbn, long id)
    {
        lock (_gate) { return _reviews.TryGetValue(isbn, out var list) && list.RemoveAll(r => r.Id == id) > 0; }
    }
}
