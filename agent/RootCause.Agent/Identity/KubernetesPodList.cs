using System.Text.Json;

namespace RootCause.Agent.Identity;

/// <summary>
/// Parses a Kubernetes PodList (kubelet GET /pods or API server GET /api/v1/pods) into <see cref="PodInfo"/>s.
/// The JSON is hostile input: anything that is not a PodList, or a pod without uid, name or namespace, is a
/// <see cref="FormatException"/> naming what was wrong, so the caller can keep the previous mapping.
/// </summary>
internal static class KubernetesPodList
{
    /// <summary>Bounds memory on a hostile or runaway response; a node runs at most a few hundred pods.</summary>
    public const int MaxPods = 5000;

    private static readonly string[] ContainerStatusFields = ["containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses"];

    public static IReadOnlyList<PodInfo> Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new FormatException($"pod list is not JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"pod list must be a JSON object, got {root.ValueKind}");
            }

            if (root.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() != "PodList")
            {
                throw new FormatException($"expected kind PodList, got \"{kind.GetString()}\"");
            }

            if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("pod list has no \"items\" array");
            }

            if (items.GetArrayLength() > MaxPods)
            {
                throw new FormatException($"pod list has {items.GetArrayLength()} pods, more than the {MaxPods} the agent accepts");
            }

            var pods = new List<PodInfo>();
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                pods.Add(ParsePod(item, index++));
            }

            return pods;
        }
    }

    /// <summary>
    /// The service a pod belongs to: label app.kubernetes.io/name, else app, else the workload that owns it
    /// (a ReplicaSet's Deployment, a StatefulSet, a DaemonSet, a Job's CronJob), else the pod name.
    /// </summary>
    public static string ServiceOf(string podName, IReadOnlyDictionary<string, string> labels, string? ownerKind, string? ownerName)
    {
        if (labels.TryGetValue("app.kubernetes.io/name", out var name) && name.Length > 0)
        {
            return name;
        }

        if (labels.TryGetValue("app", out var app) && app.Length > 0)
        {
            return app;
        }

        if (ownerName is { Length: > 0 })
        {
            return ownerKind switch
            {
                // Deployment "checkout" owns ReplicaSet "checkout-7d9f8b6c5d" (the pod-template-hash).
                "ReplicaSet" => StripSuffix(ownerName, labels.GetValueOrDefault("pod-template-hash")),
                // CronJob "report" owns Job "report-28934520" (the scheduled minute).
                "Job" => StripNumericSuffix(ownerName),
                // Static (mirror) pods are "owned" by their Node: the node is not a service.
                "Node" => podName,
                _ => ownerName,
            };
        }

        return podName;
    }

    private static PodInfo ParsePod(JsonElement pod, int index)
    {
        if (pod.ValueKind != JsonValueKind.Object || !pod.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"pod list item {index} has no \"metadata\" object");
        }

        var uid = RequiredString(metadata, "uid", index);
        var name = RequiredString(metadata, "name", index);
        var ns = RequiredString(metadata, "namespace", index);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata.TryGetProperty("labels", out var labelObject) && labelObject.ValueKind == JsonValueKind.Object)
        {
            foreach (var label in labelObject.EnumerateObject())
            {
                if (label.Value.ValueKind == JsonValueKind.String)
                {
                    labels[label.Name] = label.Value.GetString()!;
                }
            }
        }

        string? ownerKind = null;
        string? ownerName = null;
        if (metadata.TryGetProperty("ownerReferences", out var owners) && owners.ValueKind == JsonValueKind.Array)
        {
            foreach (var owner in owners.EnumerateArray())
            {
                if (owner.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var isController = owner.TryGetProperty("controller", out var controller) && controller.ValueKind == JsonValueKind.True;
                if (ownerName is null || isController)
                {
                    ownerKind = OptionalString(owner, "kind");
                    ownerName = OptionalString(owner, "name");
                }
            }
        }

        return new PodInfo(uid, name, ns, ServiceOf(name, labels, ownerKind, ownerName), labels, Containers(pod));
    }

    private static Dictionary<string, string> Containers(JsonElement pod)
    {
        var containers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!pod.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Object)
        {
            return containers;
        }

        foreach (var field in ContainerStatusFields)
        {
            if (!status.TryGetProperty(field, out var statuses) || statuses.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var container in statuses.EnumerateArray())
            {
                if (container.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                // "containerd://<64 hex>", "cri-o://…", "docker://…": the cgroup path carries only the hex id.
                var id = OptionalString(container, "containerID");
                var name = OptionalString(container, "name");
                var separator = id?.IndexOf("://", StringComparison.Ordinal) ?? -1;
                if (id is not null && name is not null)
                {
                    containers[separator >= 0 ? id[(separator + 3)..] : id] = name;
                }
            }
        }

        return containers;
    }

    private static string RequiredString(JsonElement element, string property, int index) =>
        OptionalString(element, property) is { Length: > 0 } value
            ? value
            : throw new FormatException($"pod list item {index} has no metadata.{property}");

    private static string? OptionalString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string StripSuffix(string name, string? hash)
    {
        if (hash is { Length: > 0 } && name.EndsWith("-" + hash, StringComparison.Ordinal))
        {
            return name[..^(hash.Length + 1)];
        }

        // No pod-template-hash label: the hash is the last dash-separated part.
        var dash = name.LastIndexOf('-');
        return dash > 0 ? name[..dash] : name;
    }

    private static string StripNumericSuffix(string name)
    {
        var dash = name.LastIndexOf('-');
        return dash > 0 && dash < name.Length - 1 && name[(dash + 1)..].All(char.IsAsciiDigit) ? name[..dash] : name;
    }
}
