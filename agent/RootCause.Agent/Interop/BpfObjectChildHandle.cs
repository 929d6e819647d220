using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

/// <summary>
/// A pointer owned by a bpf_object (a program or a map). libbpf frees it with the object, so this handle
/// frees nothing; it holds a reference on the object instead, so the object outlives every use of it.
/// </summary>
internal abstract class BpfObjectChildHandle : SafeHandle
{
    private readonly BpfObjectHandle? owner;

    protected BpfObjectChildHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    protected BpfObjectChildHandle(BpfObjectHandle owner, nint pointer)
        : base(nint.Zero, ownsHandle: true)
    {
        var added = false;
        owner.DangerousAddRef(ref added);
        this.owner = owner;
        SetHandle(pointer);
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        owner?.DangerousRelease();
        return true;
    }
}
