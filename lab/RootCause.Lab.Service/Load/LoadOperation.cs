namespace RootCause.Lab.Service.Load;

/// <summary>What one simulated shopper request does against the gateway.</summary>
internal enum LoadOperation
{
    BrowseList,
    BrowseDetail,
    AddToCart,
    ViewCart,
    Checkout,
}
