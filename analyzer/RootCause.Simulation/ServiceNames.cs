namespace RootCause.Simulation;

/// <summary>Realistic names for generated services and operations; repeats get a number ("cart2").</summary>
internal static class ServiceNames
{
    private static readonly string[] MidTier =
    [
        "cart", "checkout", "catalog", "payment", "shipping", "orders", "users", "auth", "recommendation", "inventory",
        "pricing", "search", "reviews", "notification", "currency", "ads", "email", "fraud", "loyalty", "profile",
        "wishlist", "coupon", "tax", "billing", "invoice", "ledger", "warehouse", "delivery", "tracking", "returns",
        "media", "content", "geo", "rating", "quote", "subscription", "identity", "audit", "features", "sessions",
    ];

    private static readonly string[] DataDomains =
    [
        "orders", "users", "catalog", "inventory", "payments", "reviews", "billing", "ledger", "shipping", "accounts",
        "products", "events",
    ];

    private static readonly string[] CacheDomains = ["session", "cart", "catalog", "pricing", "profile", "rates"];

    private static readonly string[] EntryOperations = ["GET /", "GET /product/{id}", "POST /cart", "POST /checkout", "GET /search"];

    private static readonly string[] DatabaseOperations = ["SELECT", "INSERT", "UPDATE", "DELETE"];

    private static readonly string[] CacheOperations = ["GET", "SET", "DEL"];

    public static string Mid(int i) => Numbered(MidTier, i, "");

    public static string Database(int i) => Numbered(DataDomains, i, "-db");

    public static string Cache(int i) => Numbered(CacheDomains, i, "-cache");

    public static string[] OperationsOf(string service, Contracts.ServiceKind kind, bool entry, int count)
    {
        if (entry)
        {
            return EntryOperations[..Math.Min(count, EntryOperations.Length)];
        }

        if (kind == Contracts.ServiceKind.Database)
        {
            return DatabaseOperations[..Math.Min(count, DatabaseOperations.Length)];
        }

        if (kind == Contracts.ServiceKind.Cache)
        {
            return CacheOperations[..Math.Min(count, CacheOperations.Length)];
        }

        string[] templates = ["GET /{0}/{{id}}", "POST /{0}", "GET /{0}", "PUT /{0}/{{id}}", "DELETE /{0}/{{id}}"];
        return templates[..Math.Min(count, templates.Length)]
            .Select(t => string.Format(System.Globalization.CultureInfo.InvariantCulture, t, service))
            .ToArray();
    }

    private static string Numbered(string[] names, int i, string suffix)
    {
        var round = i / names.Length;
        return names[i % names.Length] + (round == 0 ? "" : (round + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) + suffix;
    }
}
