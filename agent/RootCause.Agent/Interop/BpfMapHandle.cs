namespace RootCause.Agent.Interop;

/// <summary>A struct bpf_map of a loaded object.</summary>
internal sealed class BpfMapHandle : BpfObjectChildHandle
{
    public BpfMapHandle(BpfObjectHandle owner, nint pointer)
        : base(owner, pointer)
    {
    }
}
