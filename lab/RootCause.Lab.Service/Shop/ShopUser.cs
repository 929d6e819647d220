namespace RootCause.Lab.Service.Shop;

/// <summary>User names as they appear in routes and cache keys: short and plain, so no key or path can be forged.</summary>
internal static class ShopUser
{
    public const int MaximumLength = 64;

    public static bool IsValid(string? user) =>
        user is { Length: > 0 and <= MaximumLength } && user.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
