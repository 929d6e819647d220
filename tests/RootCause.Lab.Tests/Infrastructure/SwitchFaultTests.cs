using System.Text.Json;

namespace RootCause.Lab.Tests.Infrastructure;

public sealed class SwitchFaultTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "switch-faults-" + Guid.NewGuid().ToString("N")[..8]);

    public SwitchFaultTests()
    {
        Directory.CreateDirectory(folder);
    }

    [Fact]
    public async Task Error_burst_and_slow_service_set_their_own_switch_and_removing_one_keeps_the_other()
    {
        var control = new ServiceControlFile(Path.Combine(folder, "control.json"));
        control.Write(ServiceSwitches.Off);
        var burst = new ErrorBurstFault(LabLayout.Payment, control, 0.3, TimeProvider.System);
        var slow = new SlowServiceFault(LabLayout.Payment, control, 300, TimeProvider.System);

        await burst.ApplyAsync(CancellationToken.None);
        await slow.ApplyAsync(CancellationToken.None);
        var both = await File.ReadAllTextAsync(control.Path);
        await burst.RemoveAsync(CancellationToken.None);
        var onlySlow = JsonSerializer.Deserialize<ServiceSwitches>(await File.ReadAllTextAsync(control.Path));
        await slow.RemoveAsync(CancellationToken.None);

        Assert.Equal("{\"errorRate\":0.3,\"addedLatencyMs\":300,\"leakMbPerSecond\":0}", both);
        Assert.Equal(new ServiceSwitches(0, 300, 0), onlySlow);
        Assert.Equal(ServiceSwitches.Off, JsonSerializer.Deserialize<ServiceSwitches>(await File.ReadAllTextAsync(control.Path)));
        Assert.Equal(["control.json"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_fault_applied_twice_is_refused_and_removing_an_unapplied_fault_does_nothing()
    {
        var control = new ServiceControlFile(Path.Combine(folder, "control.json"));
        var burst = new ErrorBurstFault(LabLayout.Cart, control, 0.5, TimeProvider.System);

        await burst.RemoveAsync(CancellationToken.None);
        Assert.False(File.Exists(control.Path));
        await burst.ApplyAsync(CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => burst.ApplyAsync(CancellationToken.None));
        Assert.Equal("error_burst on cart", burst.ToString());
        Assert.Equal("error_burst", burst.ExpectedClass);
        Assert.Equal("cart", burst.ExpectedEntityName);
        Assert.NotNull(burst.AppliedAt);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
