using RootCause.Analysis.Detection.Streaming;

namespace RootCause.Analysis.Tests.Detection.Streaming;

public sealed class ContextStoreTests
{
    private static ulong[] Keys(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (ulong)random.NextInt64()).ToArray();
    }

    [Fact]
    public void A_context_is_counted_and_nothing_is_forgotten_while_the_store_is_far_from_full()
    {
        var store = new ContextStore(65536);
        var keys = Keys(300, 3);
        foreach (var key in keys)
        {
            Assert.Equal(0, store.Add(key));
        }

        Assert.All(keys, k => Assert.Equal(1, store.Seen(k)));
        Assert.Equal(1, store.Add(keys[0]));
    }

    [Fact]
    public void A_full_store_forgets_contexts_not_seen_lately_and_keeps_the_recurring_ones()
    {
        var store = new ContextStore(4096);
        var (recurring, once) = (Keys(2, 5)[0], Keys(2, 5)[1]);
        store.Add(once);
        var others = Keys(50_000, 6);
        for (var i = 0; i < others.Length; i++)
        {
            store.Add(others[i]);
            if (i % 10 == 0)
            {
                store.Add(recurring);
            }
        }

        Assert.Equal(0, store.Seen(once));
        Assert.Equal(5000, store.Seen(recurring));
    }

    [Fact]
    public void Contexts_whose_hashes_differ_only_in_a_few_bits_do_not_crowd_one_bucket()
    {
        // The novelty's contexts of one bin: FNV-1a of bin numbers 1..6, which differ in their low and top bits
        // only. Bucketed on the middle bits alone they all shared one 4-way bucket and evicted one another.
        var store = new ContextStore(16384);
        var keys = Enumerable.Range(1, 6).Select(bin => (0xcbf29ce484222325UL ^ (ulong)bin) * 0x100000001b3UL).ToArray();
        foreach (var key in keys)
        {
            store.Add(key);
        }

        Assert.All(keys, k => Assert.Equal(1, store.Seen(k)));
    }
}
