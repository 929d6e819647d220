namespace RootCause.Lab.Service.Redis;

/// <summary>
/// Bounds on what a reply may claim, so a hostile or broken server cannot make the reader allocate without limit
/// or recurse without end. The defaults are far above anything the cart stores.
/// </summary>
internal sealed record RespLimits(int MaximumLineBytes = 64 * 1024, int MaximumBulkBytes = 16 << 20, int MaximumArrayItems = 1 << 20, int MaximumDepth = 32)
{
    public static RespLimits Default { get; } = new();
}
