namespace RootCause.Analysis.Detection.Streaming;

/// <summary>
/// A fixed-size set of 64-bit context hashes: set-associative buckets that forget the least recently seen
/// context of a full bucket. Memory is constant however long the series runs; a forgotten context that
/// returns is merely counted as new once more.
/// </summary>
internal sealed class ContextStore
{
    private const int Ways = 4;

    private readonly ulong[] _keys;
    private readonly uint[] _lastSeen;
    private readonly ushort[] _counts;
    private readonly int _bucketMask;
    private uint _clock; // wraps after 4e9 updates, which only blurs which context is forgotten

    /// <param name="capacity">Contexts held; rounded up to a power of two of at least <see cref="Ways"/>.</param>
    public ContextStore(int capacity)
    {
        var buckets = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, capacity / Ways));
        _keys = new ulong[buckets * Ways];
        _lastSeen = new uint[buckets * Ways];
        _counts = new ushort[buckets * Ways];
        _bucketMask = buckets - 1;
    }

    public int Capacity => _keys.Length;

    /// <summary>How often <paramref name="key"/> was seen (0 when unknown or forgotten), without recording it.</summary>
    public int Seen(ulong key)
    {
        key |= 1;
        var start = Bucket(key);
        for (var i = start; i < start + Ways; i++)
        {
            if (_keys[i] == key)
            {
                return _counts[i];
            }
        }

        return 0;
    }

    /// <summary>
    /// The first slot of the key's bucket, from all the key's bits mixed (the murmur3 finaliser): a hash
    /// chained from small bin numbers differs between contexts mostly in its low and its top bits.
    /// </summary>
    private int Bucket(ulong key)
    {
        key ^= key >> 33;
        key *= 0xff51afd7ed558ccdUL;
        key ^= key >> 33;
        key *= 0xc4ceb9fe1a85ec53UL;
        key ^= key >> 33;
        return (int)(key & (ulong)_bucketMask) * Ways;
    }

    /// <summary>Records <paramref name="key"/> as seen now and returns how often it was seen before.</summary>
    public int Add(ulong key)
    {
        key |= 1; // 0 marks an empty slot
        _clock = unchecked(_clock + 1);
        var start = Bucket(key);
        var victim = start;
        for (var i = start; i < start + Ways; i++)
        {
            if (_keys[i] == key)
            {
                _lastSeen[i] = _clock;
                var before = _counts[i];
                _counts[i] = (ushort)Math.Min(before + 1, ushort.MaxValue);
                return before;
            }

            if (_lastSeen[i] < _lastSeen[victim])
            {
                victim = i;
            }
        }

        _keys[victim] = key;
        _lastSeen[victim] = _clock;
        _counts[victim] = 1;
        return 0;
    }
}
