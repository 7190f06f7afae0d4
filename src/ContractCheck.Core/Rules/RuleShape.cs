namespace ContractCheck.Core.Rules;

/// <summary>
/// What a key of the rules file holds. <see cref="RulesKeys"/>, the rules file's vocabulary, is built of these: the
/// parser takes the keys each mapping allows from it, and the JSON Schema (<see cref="RulesSchema"/>) and
/// <c>contractcheck init</c> are written from it, so the three never disagree.
/// </summary>
internal abstract record RuleShape
{
    /// <summary>A mapping whose keys are these (the parser refuses any other), in the order messages list them.</summary>
    public sealed record Map : RuleShape
    {
        public Map(params RuleKey[] keys)
        {
            Keys = keys;
            Names = [.. keys.Select(k => k.Name)];
        }

        public IReadOnlyList<RuleKey> Keys { get; }

        /// <summary>The allowed keys, as the parser passes them to <see cref="YamlRead.Map"/>.</summary>
        public string[] Names { get; }

        public RuleKey this[string name] => Keys.First(k => k.Name == name);

        /// <summary>Keys of which the mapping needs at least one (a row's <c>require</c> / <c>forbid</c>), or empty.</summary>
        public IReadOnlyList<string> AtLeastOne { get; init; } = [];
    }

    /// <summary>A mapping whose keys the user names (operations, parameters, JSON paths); every value has the shape <paramref name="Values"/>.</summary>
    /// <param name="Values">What each key holds.</param>
    /// <param name="KeyMeaning">What a key names ("a header name").</param>
    /// <param name="ExampleKey">A key such a mapping could have ("X-Request-Id").</param>
    public sealed record Named(RuleShape Values, string KeyMeaning, string ExampleKey) : RuleShape;

    /// <summary>One value. <see cref="Kind"/> says how the parser reads it; the bounds and words are what it accepts.</summary>
    public sealed record Scalar(ScalarKind Kind) : RuleShape
    {
        public int? Minimum { get; init; }

        public int? Maximum { get; init; }

        /// <summary>The only values accepted (a probe id, a check id, <c>empty</c> / <c>non-empty</c>), or null.</summary>
        public IReadOnlyList<string>? Words { get; init; }

        /// <summary>True when the words are compared ignoring case (HTTP methods).</summary>
        public bool IgnoreCase { get; init; }

        /// <summary>A regular expression the text must match (a $ref pointer), or null.</summary>
        public string? Pattern { get; init; }
    }

    /// <summary>A list of <paramref name="Item"/>; when <paramref name="OrSingle"/>, one value may stand for a list of one.</summary>
    public sealed record List(RuleShape Item, bool OrSingle) : RuleShape;

    /// <summary>No value (YAML <c>null</c>, or a key with nothing after it).</summary>
    public sealed record Null : RuleShape;

    /// <summary>Any one of these shapes (a probe switched on or off, or its options).</summary>
    public sealed record Either(IReadOnlyList<RuleShape> Options) : RuleShape;
}
