using RootCause.Agent.Identity;

namespace RootCause.Agent.Tests.Identity;

public sealed class KubernetesPodListTests
{
    private static IReadOnlyList<PodInfo> Kubelet() => KubernetesPodList.Parse(FixturePodListSource.Fixture("kubelet-pods.json"));

    [Theory]
    [InlineData("checkout-7d9f8b6c5d-x2x9q", "checkout")]       // app.kubernetes.io/name beats app
    [InlineData("payments-0", "payments-api")]                   // app label
    [InlineData("node-exporter-k7m2p", "node-exporter")]         // DaemonSet owner
    [InlineData("frontend-5c8d7f9b4-abcde", "frontend")]         // ReplicaSet → Deployment via pod-template-hash
    [InlineData("report-28934520-qwz8r", "report")]              // Job → CronJob
    [InlineData("kube-apiserver-node-a", "kube-apiserver-node-a")] // static pod: owned by the Node, named by itself
    public void Service_names_come_from_labels_then_the_owning_workload(string pod, string service) =>
        Assert.Equal(service, Kubelet().Single(p => p.Name == pod).Service);

    [Fact]
    public void Pods_carry_uid_namespace_labels_and_container_ids_without_the_runtime_prefix()
    {
        var checkout = Kubelet().Single(p => p.Name == "checkout-7d9f8b6c5d-x2x9q");
        Assert.Equal(("6f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5b", "shop"), (checkout.Uid, checkout.Namespace));
        Assert.Equal("shop", checkout.Labels["app.kubernetes.io/part-of"]);
        Assert.Equal("checkout", checkout.Containers[string.Concat(Enumerable.Repeat("c0ffee00", 8))]);
        Assert.Equal("istio-proxy", checkout.Containers[string.Concat(Enumerable.Repeat("5eed1e55", 8))]);
        Assert.Equal(6, Kubelet().Count);
    }

    [Theory]
    [InlineData("checkout-7d9f8b6c5d", "7d9f8b6c5d", "checkout")]
    [InlineData("checkout-api-7d9f8b6c5d", null, "checkout-api")] // no hash label: the last part is the hash
    public void ReplicaSet_names_lose_their_template_hash(string replicaSet, string? hash, string service)
    {
        var labels = hash is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["pod-template-hash"] = hash };
        Assert.Equal(service, KubernetesPodList.ServiceOf("x", labels, "ReplicaSet", replicaSet));
    }

    [Theory]
    [InlineData("kubelet-pods-truncated.json", "not JSON")]
    [InlineData("apiserver-forbidden.json", "expected kind PodList, got \"Status\"")]
    public void Malformed_recorded_answers_are_format_errors_that_say_why(string fixture, string reason)
    {
        var error = Assert.Throws<FormatException>(() => KubernetesPodList.Parse(FixturePodListSource.Fixture(fixture)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{\"kind\":\"PodList\"}", "no \"items\" array")]
    [InlineData("{\"items\":[{\"metadata\":{\"name\":\"a\",\"namespace\":\"b\"}}]}", "item 0 has no metadata.uid")]
    [InlineData("{\"items\":[42]}", "item 0 has no \"metadata\" object")]
    [InlineData("{\"items\":[{\"metadata\":{\"uid\":7,\"name\":\"a\",\"namespace\":\"b\"}}]}", "metadata.uid")]
    [InlineData("\u0000garbage", "not JSON")]
    public void Hostile_lists_are_format_errors(string json, string reason)
    {
        var error = Assert.Throws<FormatException>(() => KubernetesPodList.Parse(json));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Odd_but_valid_fields_are_ignored()
    {
        const string Json = """
            {"items":[{"metadata":{"uid":"u1","name":"p","namespace":"n","labels":{"app":5,"app.kubernetes.io/name":""},
              "ownerReferences":[7,{"kind":"ReplicaSet","name":"web-abc12"}]},
              "status":{"containerStatuses":[null,{"name":"c"},{"containerID":"containerd://x","name":"web"}]}}]}
            """;
        var pod = Assert.Single(KubernetesPodList.Parse(Json));
        Assert.Equal("web", pod.Service);
        Assert.Equal("web", pod.Containers["x"]);
    }
}
