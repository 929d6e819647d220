namespace RootCause.Analysis.Detection.Streaming;

/// <summary>
/// A bounded set of 64-bit context hashes: set-associative buckets that forget the least recently seen
/// context of a full bucket. It starts small and doubles, rather than forget, until it reaches its capacity,
/// so a short series pays for the contexts it has, while memory stays bounded however long the series runs;
/// a forgotten context that returns is merely counted as new once more. Growing changes no answer: nothing is
/// forgotten before the full size, and at the full size every context sits in the bucket it would have had.
/// </summary>
internal sealed class ContextStore
{
    private const int Ways = 4;
    private const int InitialBuckets = 64;

    private readonly int _maxBuckets;
    private ulong[] _keys = [];
    private uint[] _lastSeen = [];
    private ushort[] _counts = [];
    private int _bucketMask;
    private uint _clock; // wraps after 4e9 updates, which only blurs which context is forgotten

    /// <param name="capacity">Contexts held at most; rounded up to a power of two of at least <see cref="Ways"/>.</param>
    public ContextStore(int capacity)
    {
        _maxBuckets = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, capacity / Ways));
        Allocate(Math.Min(InitialBuckets, _maxBuckets));
    }

    /// <summary>Contexts the store holds at most.</summary>
    public int Capacity => _maxBuckets * Ways;

    /// <summary>Contexts the store has room for now (it grows up to <see cref="Capacity"/>).</summary>
    public int Allocated => _keys.Length;

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

    /// <summary>Records <paramref name="key"/> as seen now and returns how often it was seen before.</summary>
    public int Add(ulong key)
    {
        key |= 1; // 0 marks an empty slot
        _clock = unchecked(_clock + 1);
        while (true)
        {
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

            if (_keys[victim] != 0 && _bucketMask + 1 < _maxBuckets)
            {
                Grow(); // the bucket is full: make room instead of forgetting
                continue;
            }

            _keys[victim] = key;
            _lastSeen[victim] = _clock;
            _counts[victim] = 1;
            return 0;
        }
    }

    private int Bucket(ulong key) => (int)((key >> 17) & (ulong)_bucketMask) * Ways;

    private void Allocate(int buckets)
    {
        _keys = new ulong[buckets * Ways];
        _lastSeen = new uint[buckets * Ways];
        _counts = new ushort[buckets * Ways];
        _bucketMask = buckets - 1;
    }

    /// <summary>Doubles the buckets; each old bucket's contexts split between two new ones, so none overflows.</summary>
    private void Grow()
    {
        var (keys, lastSeen, counts) = (_keys, _lastSeen, _counts);
        Allocate((_bucketMask + 1) * 2);
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] == 0)
            {
                continue;
            }

            var slot = Bucket(keys[i]);
            while (_keys[slot] != 0)
            {
                slot++;
            }

            _keys[slot] = keys[i];
            _lastSeen[slot] = lastSeen[i];
            _counts[slot] = counts[i];
        }
    }
}
