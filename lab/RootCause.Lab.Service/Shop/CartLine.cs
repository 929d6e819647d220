namespace RootCause.Lab.Service.Shop;

/// <summary>One product in a cart with the unit price the gateway read from the catalog when it was added.</summary>
internal sealed record CartLine(int ProductId, int Quantity, int PriceCents);
