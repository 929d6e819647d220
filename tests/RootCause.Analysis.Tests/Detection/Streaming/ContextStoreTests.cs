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
    public void A_short_series_holds_a_small_store_and_forgets_nothing_below_the_capacity()
    {
        var store = new ContextStore(65536);
        var keys = Keys(300, 3);
        foreach (var key in keys)
        {
            Assert.Equal(0, store.Add(key));
        }

        Assert.All(keys, k => Assert.Equal(1, store.Seen(k)));
        Assert.Equal(1, store.Add(keys[0]));
        Assert.InRange(store.Allocated, 300, store.Capacity / 16);
    }

    [Fact]
    public void A_long_series_grows_the_store_to_its_capacity_and_no_further()
    {
        var store = new ContextStore(4096);
        foreach (var key in Keys(50_000, 4))
        {
            store.Add(key);
        }

        Assert.Equal(4096, store.Capacity);
        Assert.Equal(store.Capacity, store.Allocated);
    }

    [Fact]
    public void At_its_capacity_the_store_forgets_contexts_not_seen_lately_and_keeps_the_recurring_ones()
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
}
