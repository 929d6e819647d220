using RootCause.Agent.Connections;
using RootCause.Agent.Identity;
using RootCause.Agent.Tests.Events;
using RootCause.Agent.Tests.Identity;

namespace RootCause.Agent.Tests.Connections;

public sealed class EventProcessorPodTests
{
    private const string CheckoutCgroup =
        "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod6f1c2a9e_3b4d_4e5f_8a7b_0c1d2e3f4a5b.slice/cri-containerd-c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00.scope";

    [Fact]
    public async Task A_process_seen_before_its_pod_was_listed_is_renamed_once_the_list_arrives()
    {
        var pods = new PodDirectory(new FixturePodListSource().Then("kubelet-pods.json"));
        var processor = new EventProcessor("node-a", new ServiceResolver("node-a", ServiceMapping.Empty, pods), new PodProcesses());

        processor.ProcessRecord(EventBytes.Connection(2, 1, 2, 300, "checkout-svc", "10.244.1.17:8080", "10.244.1.19:51000", 1_000));
        var before = processor.Flush("agent", DateTimeOffset.UnixEpoch, 10, [], nowNs: 0);
        await pods.RefreshAsync(CancellationToken.None);
        processor.ProcessRecord(EventBytes.Connection(2, 2, 2, 300, "checkout-svc", "10.244.1.17:8080", "10.244.1.19:51001", 2_000));
        var after = processor.Flush("agent", DateTimeOffset.UnixEpoch, 10, [], nowNs: 0);

        Assert.Equal("checkout-svc@node-a:c0ffee00c0ff", Assert.Single(before.Instances).Instance);
        var instance = Assert.Single(after.Instances);
        Assert.Equal(("shop/checkout-7d9f8b6c5d-x2x9q", "checkout"), (instance.Instance, instance.Service));
    }

    private sealed class PodProcesses : IProcessSource
    {
        public ProcessInfo Describe(int pid, string comm) => new(pid, comm, ["/app/checkout-svc"], CheckoutCgroup);
    }
}
