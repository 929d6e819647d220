using System.Numerics;
using MathNet.Numerics.IntegralTransforms;
using RootCause.Analysis.Detection.Streaming;

namespace RootCause.Analysis.Tests.Detection.Streaming;

public sealed class InPlaceFourierTests
{
    [Fact]
    public void It_matches_mathnet_and_the_inverse_restores_the_input_times_the_length()
    {
        var random = new Random(4);
        var input = Enumerable.Range(0, 1024).Select(_ => new Complex(random.NextDouble(), random.NextDouble())).ToArray();
        var ours = (Complex[])input.Clone();
        var theirs = (Complex[])input.Clone();
        var fourier = new InPlaceFourier(1024);

        fourier.Forward(ours);
        Fourier.Forward(theirs, FourierOptions.NoScaling);
        Assert.All(Enumerable.Range(0, 1024), i => Assert.True((ours[i] - theirs[i]).Magnitude < 1e-9));

        fourier.Inverse(ours);
        Assert.All(Enumerable.Range(0, 1024), i => Assert.True((ours[i] / 1024 - input[i]).Magnitude < 1e-12));
    }
}
