namespace RootCause.Lab.Service.Shop;

/// <summary>What checkout asks payment to charge.</summary>
internal sealed record ChargeRequest(string? User, long AmountCents, string? Currency)
{
    /// <summary>Largest single charge accepted (100 000.00); anything above is answered 400.</summary>
    public const long MaximumAmountCents = 10_000_000;

    public static readonly IReadOnlySet<string> Currencies = new HashSet<string>(["EUR", "USD", "GBP"], StringComparer.Ordinal);

    /// <summary>Why the charge is refused, or null when it is valid.</summary>
    public string? Problem() =>
        !ShopUser.IsValid(User) ? "user must be 1-64 letters, digits, '-' or '_'"
        : AmountCents is <= 0 or > MaximumAmountCents ? $"amountCents must be within [1, {MaximumAmountCents}]"
        : Currency is null || !Currencies.Contains(Currency) ? "currency must be EUR, USD or GBP"
        : null;
}
