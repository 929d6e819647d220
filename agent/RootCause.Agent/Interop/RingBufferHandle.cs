using System.Runtime.InteropServices;

namespace RootCause.Agent.Interop;

/// <summary>Owns a struct ring_buffer (the consumer side of a BPF ring buffer map).</summary>
internal sealed class RingBufferHandle : SafeHandle
{
    public RingBufferHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        LibBpf.RingBufferFree(handle);
        return true;
    }
}
