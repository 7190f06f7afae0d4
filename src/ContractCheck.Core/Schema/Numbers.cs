using System.Globalization;
using System.Text.Json.Nodes;

namespace ContractCheck.Core.Schema;

/// <summary>JSON numbers compared exactly where decimal holds them, as doubles beyond.</summary>
public static class Numbers
{
    public static decimal? Decimal(JsonValue value)
    {
        if (value.TryGetValue(out decimal d))
        {
            return d;
        }

        return decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d) ? d : null;
    }

    public static double Double(JsonValue value) =>
        value.TryGetValue(out double d) ? d : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static int Compare(JsonValue a, JsonValue b) =>
        Decimal(a) is { } x && Decimal(b) is { } y ? x.CompareTo(y) : Double(a).CompareTo(Double(b));

    /// <summary>Compares a JSON number with a bound written as text in the schema model.</summary>
    public static int Compare(JsonValue value, decimal? boundDecimal, double boundDouble) =>
        boundDecimal is { } bd && Decimal(value) is { } v ? v.CompareTo(bd) : Double(value).CompareTo(boundDouble);

    public static bool IsInteger(JsonValue value) =>
        Decimal(value) is { } d ? decimal.Truncate(d) == d : Math.Floor(Double(value)) == Double(value) && double.IsFinite(Double(value));

    public static bool IsMultipleOf(JsonValue value, decimal factor)
    {
        if (Decimal(value) is { } d)
        {
            try
            {
                return d % factor == 0;
            }
            catch (OverflowException)
            {
            }
        }

        var q = Double(value) / (double)factor;
        return double.IsFinite(q) && Math.Abs(q - Math.Round(q)) < 1e-9;
    }
}
