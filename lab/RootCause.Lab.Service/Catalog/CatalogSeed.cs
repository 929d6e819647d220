using System.Globalization;
using RootCause.Lab.Service.Shop;

namespace RootCause.Lab.Service.Catalog;

/// <summary>
/// The catalog's products, the same on every start: a few hundred products with descriptions long enough that a page
/// of <see cref="PageSize"/> is about 10 KB of JSON, as a real shop's listing would be.
/// </summary>
internal static class CatalogSeed
{
    public const int ProductCount = 500;

    public const int PageSize = 20;

    public const int PageCount = (ProductCount + PageSize - 1) / PageSize;

    private static readonly string[] Adjectives = ["Sturdy", "Compact", "Vintage", "Ergonomic", "Lightweight", "Handmade", "Waterproof", "Modular", "Classic", "Recycled", "Premium", "Foldable"];
    private static readonly string[] Materials = ["oak", "steel", "linen", "ceramic", "bamboo", "leather", "glass", "wool", "copper", "granite", "walnut", "cotton"];
    private static readonly string[] Nouns = ["lamp", "kettle", "backpack", "chair", "notebook", "teapot", "bicycle bell", "desk organiser", "headphone stand", "blanket", "knife block", "plant pot", "wall clock", "umbrella", "water bottle"];
    private static readonly string[] Cities = ["Porto", "Lyon", "Gdansk", "Ghent", "Turin", "Bergen", "Graz", "Leeds"];
    private static readonly string[] Praise = ["feels more expensive than it is", "survived two house moves without a scratch", "was the one gift everybody asked about", "replaced three cheaper ones that broke", "looks even better after a year of use"];
    private static readonly string[] Seasons = ["spring", "summer", "autumn", "winter"];

    public static IEnumerable<Product> All() => Enumerable.Range(1, ProductCount).Select(Product);

    public static Product Product(int id)
    {
        // Seeded per id: the same product on every machine and every start, whatever order rows are made in.
        var random = new Random(id);
        var adjective = Pick(random, Adjectives);
        var material = Pick(random, Materials);
        var noun = Pick(random, Nouns);
        var sentences = new List<string>
        {
            $"This {adjective.ToLowerInvariant()} {noun} is made of {material} and built for years of daily use in a busy home.",
            $"Makers in {Pick(random, Cities)} shape and finish every piece by hand, so no two are exactly alike.",
            Invariant($"It weighs {random.Next(120, 4800)} grams and measures {random.Next(8, 90)} by {random.Next(8, 60)} centimetres, small enough for a crowded shelf."),
            $"Customers say it {Pick(random, Praise)}.",
            $"Care: wipe with a soft dry cloth and keep it away from direct heat; {material} ages gracefully when treated gently.",
            Invariant($"Ships in recycled packaging within {random.Next(1, 6)} working days, and returns are free for {random.Next(14, 61)} days."),
            $"Part of our {Pick(random, Seasons)} collection, it pairs well with the {Pick(random, Materials)} {Pick(random, Nouns)}.",
        };
        var kept = sentences.OrderBy(_ => random.Next()).Take(random.Next(5, sentences.Count + 1));
        var name = Invariant($"{adjective} {char.ToUpperInvariant(material[0])}{material[1..]} {noun} No. {id}");
        return new Product(id, name, string.Join(' ', kept), random.Next(199, 50_000), random.Next(0, 500));
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
