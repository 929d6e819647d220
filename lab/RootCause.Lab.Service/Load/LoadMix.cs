namespace RootCause.Lab.Service.Load;

/// <summary>The traffic mix of a small shop: mostly browsing, a quarter adding to carts, one in ten checking out.</summary>
internal static class LoadMix
{
    public static readonly IReadOnlyList<(LoadOperation Operation, double Share)> Shares =
    [
        (LoadOperation.BrowseList, 0.30),
        (LoadOperation.BrowseDetail, 0.30),
        (LoadOperation.AddToCart, 0.25),
        (LoadOperation.ViewCart, 0.05),
        (LoadOperation.Checkout, 0.10),
    ];

    /// <summary>The operation for a uniform draw in [0, 1).</summary>
    public static LoadOperation Choose(double uniform)
    {
        var cumulative = 0.0;
        foreach (var (operation, share) in Shares)
        {
            cumulative += share;
            if (uniform < cumulative)
            {
                return operation;
            }
        }

        return Shares[^1].Operation;
    }
}
