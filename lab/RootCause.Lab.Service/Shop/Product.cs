namespace RootCause.Lab.Service.Shop;

/// <summary>One row of the catalog's <c>products</c> table, as the catalog answers it.</summary>
internal sealed record Product(int Id, string Name, string Description, int PriceCents, int Stock);
