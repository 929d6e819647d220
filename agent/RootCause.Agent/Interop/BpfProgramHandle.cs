namespace RootCause.Agent.Interop;

/// <summary>A struct bpf_program of a loaded object.</summary>
internal sealed class BpfProgramHandle : BpfObjectChildHandle
{
    public BpfProgramHandle(BpfObjectHandle owner, nint pointer)
        : base(owner, pointer)
    {
    }
}
