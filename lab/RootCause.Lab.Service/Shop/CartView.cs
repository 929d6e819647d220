namespace RootCause.Lab.Service.Shop;

/// <summary>A user's cart as the cart service answers it.</summary>
internal sealed record CartView(string User, IReadOnlyList<CartLine> Lines, long TotalCents);
