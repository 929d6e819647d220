namespace RootCause.Analysis.Detection.Streaming;

/// <summary>
/// A conformal p-value at the level of events rather than points: the stream is cut into consecutive blocks
/// of <c>blockSize</c> points, only each block's largest value is kept (the last <c>blocks</c> of them, a fixed
/// ring), and a new value is ranked against those block maxima. Strangeness values are strongly correlated
/// from one point to the next (one past event makes a run of strange values); among the raw values such a run
/// counts many times and hides the next event, among block maxima it counts once per block. The p-value then
/// reads "how often has a stretch of <c>blockSize</c> points been this strange", the same rarity in every
/// series. With a block of one point it is the plain conformal p-value among the last <c>blocks</c> values.
/// </summary>
internal sealed class BlockMaximaCalibration
{
    private readonly int _blockSize;
    private readonly int _minimumBlocks;
    private readonly double[] _maxima;
    private long _completed;
    private double _current = double.NegativeInfinity;
    private int _inBlock;

    /// <param name="blocks">Block maxima remembered: the calibration spans <c>blocks × blockSize</c> points.</param>
    /// <param name="blockSize">Points per block.</param>
    /// <param name="minimumBlocks">Completed blocks needed before a p-value is given.</param>
    public BlockMaximaCalibration(int blocks, int blockSize, int minimumBlocks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumBlocks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, minimumBlocks);
        _blockSize = blockSize;
        _minimumBlocks = minimumBlocks;
        _maxima = new double[blocks];
    }

    /// <summary>
    /// The p-value of <paramref name="value"/> among the completed blocks' maxima (the share at least as large,
    /// the new value counted in), or 1 while too few blocks are complete; then learns the value.
    /// </summary>
    public double Rank(double value)
    {
        var calibrated = (int)Math.Min(_completed, _maxima.Length);
        var p = 1.0;
        if (calibrated >= _minimumBlocks)
        {
            var atLeast = 0;
            for (var i = 0; i < calibrated; i++)
            {
                if (_maxima[i] >= value)
                {
                    atLeast++;
                }
            }

            p = (atLeast + 1.0) / (calibrated + 1.0);
        }

        _current = Math.Max(_current, value);
        if (++_inBlock == _blockSize)
        {
            _maxima[_completed % _maxima.Length] = _current;
            _completed++;
            _current = double.NegativeInfinity;
            _inBlock = 0;
        }

        return p;
    }
}
