namespace RootCause.Lab.Service.Shop;

/// <summary>One page of the catalog in id order; past the last page, <see cref="Products"/> is empty.</summary>
internal sealed record ProductPage(int Page, int PageSize, IReadOnlyList<Product> Products);
