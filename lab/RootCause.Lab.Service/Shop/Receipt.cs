namespace RootCause.Lab.Service.Shop;

/// <summary>Payment's answer to an accepted charge.</summary>
internal sealed record Receipt(string ReceiptId, string User, long AmountCents, string Currency, DateTimeOffset ApprovedAt);
