namespace RootCause.Lab.Service.Shop;

/// <summary>Checkout's answer: what was charged and the receipt that proves it.</summary>
internal sealed record CheckoutResult(string User, int Items, long TotalCents, string ReceiptId);
