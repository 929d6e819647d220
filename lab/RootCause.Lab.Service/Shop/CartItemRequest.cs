namespace RootCause.Lab.Service.Shop;

/// <summary>What a shopper posts to the gateway to put a product in the cart.</summary>
internal sealed record CartItemRequest(int ProductId, int Quantity)
{
    /// <summary>Most of one product per request; a bigger number is a client bug, answered 400.</summary>
    public const int MaximumQuantity = 99;

    public bool IsValid => ProductId > 0 && Quantity is >= 1 and <= MaximumQuantity;
}
