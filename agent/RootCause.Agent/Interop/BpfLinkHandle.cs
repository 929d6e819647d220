using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

/// <summary>Owns a struct bpf_link; releasing it detaches the program.</summary>
internal sealed class BpfLinkHandle : SafeHandle
{
    public BpfLinkHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        return LibBpf.LinkDestroy(handle) == 0;
    }
}
