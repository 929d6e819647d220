namespace RootCause.Analysis.Detection.Streaming;

/// <summary>The last <c>capacity</c> values of a stream, oldest first on copy; fixed memory.</summary>
internal sealed class RingBuffer(int capacity)
{
    private readonly double[] _items = new double[capacity];
    private int _next;

    public int Count { get; private set; }

    public int Capacity => _items.Length;

    public double Sum { get; private set; }

    public void Add(double value)
    {
        if (Count == _items.Length)
        {
            Sum -= _items[_next];
        }
        else
        {
            Count++;
        }

        _items[_next] = value;
        Sum += value;
        _next = (_next + 1) % _items.Length;
    }

    /// <summary>The value <paramref name="age"/> steps back (0 = newest).</summary>
    public double Back(int age) => _items[(_next - 1 - age + (2 * _items.Length)) % _items.Length];

    /// <summary>Copies the held values into <paramref name="target"/>, oldest first.</summary>
    public void CopyTo(Span<double> target)
    {
        for (var i = 0; i < Count; i++)
        {
            target[i] = Back(Count - 1 - i);
        }
    }
}
