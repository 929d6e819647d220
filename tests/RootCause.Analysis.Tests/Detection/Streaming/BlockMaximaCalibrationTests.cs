using RootCause.Analysis.Detection.Streaming;

namespace RootCause.Analysis.Tests.Detection.Streaming;

public sealed class BlockMaximaCalibrationTests
{
    [Fact]
    public void With_blocks_of_one_point_it_is_the_plain_conformal_rank_among_recent_values()
    {
        var calibration = new BlockMaximaCalibration(blocks: 4, blockSize: 1, minimumBlocks: 2);

        Assert.Equal(1, calibration.Rank(5)); // nothing to rank against yet
        Assert.Equal(1, calibration.Rank(1));
        Assert.Equal(1.0 / 3, calibration.Rank(7), 12); // 5 and 1 are smaller: (0 + 1) / (2 + 1)
        Assert.Equal(3.0 / 4, calibration.Rank(4), 12); // 5 and 7 are at least as large: (2 + 1) / (3 + 1)
        calibration.Rank(0); // the ring holds the last 4: 1, 7, 4, 0 (5 is forgotten)
        Assert.Equal(2.0 / 5, calibration.Rank(5), 12); // only 7 is at least as large
    }

    [Fact]
    public void A_past_run_of_strange_values_counts_once_per_block()
    {
        // 100 quiet values, then one event: a run of 10 strange values, then quiet again.
        var perValue = new BlockMaximaCalibration(blocks: 1000, blockSize: 1, minimumBlocks: 10);
        var perBlock = new BlockMaximaCalibration(blocks: 100, blockSize: 10, minimumBlocks: 10);
        for (var i = 0; i < 200; i++)
        {
            var value = i is >= 100 and < 110 ? 10.0 : 1.0;
            perValue.Rank(value);
            perBlock.Rank(value);
        }

        // A second event as strange as the first: among 200 values the first event is 10 of them, among
        // 20 blocks it is one.
        Assert.Equal(11.0 / 201, perValue.Rank(10), 12);
        Assert.Equal(2.0 / 21, perBlock.Rank(10), 12);
    }
}
