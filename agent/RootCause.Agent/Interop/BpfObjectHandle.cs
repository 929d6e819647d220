using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

/// <summary>Owns a struct bpf_object; closing it unloads what is not linked.</summary>
internal sealed class BpfObjectHandle : SafeHandle
{
    public BpfObjectHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        LibBpf.ObjectClose(handle);
        return true;
    }
}
