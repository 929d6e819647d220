using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RootCause.Agent.Aggregation;
using RootCause.Agent.Interop;

namespace RootCause.Agent.Loading;

/// <summary>
/// The loaded and attached programs with their ring buffer: open the object embedded in this assembly,
/// load it (CO-RE relocation and the verifier), exclude the agent's own pid, attach every program.
/// </summary>
internal sealed class BpfSession : IRunQueueProbe, IDisposable
{
    public const string ObjectResource = "rootcause.bpf.o";
    private const int CounterSlots = 8;

    private readonly BpfObjectHandle bpfObject;
    private readonly List<BpfLinkHandle> links = [];
    private readonly BpfMapHandle counters;
    private readonly BpfMapHandle runQueuePids;
    private readonly RingBufferHandle ringBuffer;
    private readonly GCHandle consumerHandle;
    private readonly int possibleCpus;

    private BpfSession(BpfObjectHandle bpfObject, BpfMapHandle counters, BpfMapHandle runQueuePids, RingBufferHandle ringBuffer, GCHandle consumerHandle, IReadOnlyList<string> programs)
    {
        this.bpfObject = bpfObject;
        this.counters = counters;
        this.runQueuePids = runQueuePids;
        this.ringBuffer = ringBuffer;
        this.consumerHandle = consumerHandle;
        Programs = programs;
        possibleCpus = PossibleCpus();
    }

    /// <summary>Names of the attached programs.</summary>
    public IReadOnlyList<string> Programs { get; }

    /// <summary>Callback failures: exceptions caught inside the ring-buffer callback.</summary>
    public static long ConsumerFaults => Interlocked.Read(ref consumerFaults);

    private static long consumerFaults;

    /// <param name="excludedPid">Whose sockets are never tracked: the agent's own pid (0 tracks everything, for tests).</param>
    public static unsafe BpfSession Open(IRecordConsumer consumer, int excludedPid)
    {
        LibBpfLog.Install();
        LibBpfLog.Take();
        using var resource = typeof(BpfSession).Assembly.GetManifestResourceStream(ObjectResource) as UnmanagedMemoryStream
            ?? throw new BpfLoadException($"The agent was built without its BPF programs (resource {ObjectResource} missing)");

        var bpfObject = LibBpf.ObjectOpenMem(resource.PositionPointer, (nuint)resource.Length, 0);
        if (bpfObject.IsInvalid)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new BpfLoadException($"libbpf could not open the BPF object ({Errno.Describe(errno)})", LibBpfLog.Take());
        }

        var consumerHandle = default(GCHandle);
        var attached = new List<BpfLinkHandle>();
        try
        {
            var loaded = LibBpf.ObjectLoad(bpfObject);
            if (loaded != 0)
            {
                var log = LibBpfLog.Take();
                throw new BpfLoadException(ExplainLoadFailure(-loaded, log), log);
            }

            var config = FindMap(bpfObject, "rc_config_map");
            var key = 0u;
            var value = stackalloc uint[2] { (uint)excludedPid, 0 };
            if (LibBpf.MapUpdateElem(config, &key, sizeof(uint), value, 2 * sizeof(uint), 0) != 0)
            {
                throw new BpfLoadException("Could not configure the BPF programs (rc_config_map update failed)", LibBpfLog.Take());
            }

            var names = new List<string>();
            for (var program = LibBpf.ObjectNextProgram(bpfObject, 0); program != 0; program = LibBpf.ObjectNextProgram(bpfObject, program))
            {
                using var handle = new BpfProgramHandle(bpfObject, program);
                var name = Marshal.PtrToStringUTF8(LibBpf.ProgramName(handle)) ?? "?";
                var link = LibBpf.ProgramAttach(handle);
                if (link.IsInvalid)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    link.Dispose();
                    throw new BpfLoadException(ExplainAttachFailure(name, errno), LibBpfLog.Take());
                }

                attached.Add(link);
                names.Add(name);
            }

            var events = FindMap(bpfObject, "rc_events");
            consumerHandle = GCHandle.Alloc(consumer);
            var ringBuffer = LibBpf.RingBufferNew(LibBpf.MapFd(events), &OnSample, GCHandle.ToIntPtr(consumerHandle), 0);
            if (ringBuffer.IsInvalid)
            {
                var errno = Marshal.GetLastPInvokeError();
                ringBuffer.Dispose();
                throw new BpfLoadException($"Could not map the ring buffer ({Errno.Describe(errno)})", LibBpfLog.Take());
            }

            var session = new BpfSession(bpfObject, FindMap(bpfObject, "rc_counters"), FindMap(bpfObject, "rc_rq_pids"), ringBuffer, consumerHandle, names);
            session.links.AddRange(attached);
            return session;
        }
        catch
        {
            foreach (var link in attached)
            {
                link.Dispose();
            }

            if (consumerHandle.IsAllocated)
            {
                consumerHandle.Free();
            }

            bpfObject.Dispose();
            throw;
        }
    }

    /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> for a wake-up, then drains every record.</summary>
    public int Poll(int timeoutMilliseconds) => LibBpf.RingBufferPoll(ringBuffer, timeoutMilliseconds);

    /// <summary>Drains without waiting.</summary>
    public int Consume() => LibBpf.RingBufferConsume(ringBuffer);

    public unsafe KernelCounters ReadCounters()
    {
        var totals = new long[CounterSlots];
        var values = new ulong[possibleCpus];
        fixed (ulong* buffer = values)
        {
            for (var slot = 0u; slot < CounterSlots; slot++)
            {
                var key = slot;
                if (LibBpf.MapLookupElem(counters, &key, sizeof(uint), buffer, (nuint)(values.Length * sizeof(ulong)), 0) == 0)
                {
                    totals[slot] = values.Sum(v => (long)v);
                }
            }
        }

        return new KernelCounters(totals[0], totals[1], totals[2], totals[3], totals[4], totals[5]);
    }

    // struct rc_rq_delay { __u64 delay_ns; __u64 waits; }: map operations are syscalls, safe from any thread.
    public unsafe bool Watch(int pid)
    {
        var key = (uint)pid;
        var value = stackalloc ulong[2];
        const ulong NoExist = 1;
        var result = LibBpf.MapUpdateElem(runQueuePids, &key, sizeof(uint), value, 2 * sizeof(ulong), NoExist);
        return result == 0 || result == -17; // EEXIST: already watched
    }

    public unsafe bool TryRead(int pid, out long delayNs)
    {
        var key = (uint)pid;
        var value = stackalloc ulong[2];
        var found = LibBpf.MapLookupElem(runQueuePids, &key, sizeof(uint), value, 2 * sizeof(ulong), 0) == 0;
        delayNs = found ? (long)value[0] : 0;
        return found;
    }

    public unsafe void Forget(int pid)
    {
        var key = (uint)pid;
        LibBpf.MapDeleteElem(runQueuePids, &key, sizeof(uint), 0);
    }

    public void Dispose()
    {
        ringBuffer.Dispose();
        foreach (var link in links)
        {
            link.Dispose();
        }

        counters.Dispose();
        runQueuePids.Dispose();
        bpfObject.Dispose();
        if (consumerHandle.IsAllocated)
        {
            consumerHandle.Free();
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe int OnSample(nint context, nint data, nuint size)
    {
        // The record lives in the ring only during this call; an exception escaping would kill the process.
        try
        {
            var consumer = (IRecordConsumer)GCHandle.FromIntPtr(context).Target!;
            consumer.OnRecord(new ReadOnlySpan<byte>((void*)data, (int)Math.Min(size, int.MaxValue)));
        }
        catch
        {
            Interlocked.Increment(ref consumerFaults);
        }

        return 0;
    }

    private static BpfMapHandle FindMap(BpfObjectHandle bpfObject, string name)
    {
        var pointer = LibBpf.ObjectFindMapByName(bpfObject, name);
        return pointer != 0 ? new BpfMapHandle(bpfObject, pointer) : throw new BpfLoadException($"The BPF object has no map {name}");
    }

    private static string ExplainLoadFailure(int errno, string log)
    {
        var program = ProgramInLog(log);
        if (log.Contains("BEGIN PROG LOAD LOG", StringComparison.Ordinal))
        {
            return $"The kernel's verifier rejected BPF program '{program}' ({Errno.Describe(errno)}). The verifier log follows; " +
                "it usually means this kernel differs from the ones the agent supports.";
        }

        if (errno is 1 or 13)
        {
            return $"The kernel refused to load the BPF programs ({Errno.Describe(errno)}): run as root or with CAP_BPF, CAP_PERFMON, " +
                "CAP_NET_ADMIN, CAP_SYS_RESOURCE and CAP_SYS_PTRACE; lockdown or a seccomp profile can also forbid bpf(2).";
        }

        return $"The BPF programs could not be loaded ({Errno.Describe(errno)}{(program == "?" ? string.Empty : ", program '" + program + "'")}). " +
            "libbpf's messages follow.";
    }

    private static string ExplainAttachFailure(string program, int errno) => errno == 2
        ? $"Could not attach '{program}': its hook does not exist on this kernel or tracefs is not mounted ({Errno.Describe(errno)})"
        : $"Could not attach '{program}' ({Errno.Describe(errno)})";

    private static string ProgramInLog(string log)
    {
        const string Marker = "prog '";
        var start = log.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return "?";
        }

        start += Marker.Length;
        var end = log.IndexOf('\'', start);
        return end > start ? log[start..end] : "?";
    }

    private static int PossibleCpus()
    {
        // "0-3" or "0,2-5": per-CPU map values are sized by possible CPUs, not online ones.
        try
        {
            var text = File.ReadAllText("/sys/devices/system/cpu/possible").Trim();
            var count = 0;
            foreach (var part in text.Split(','))
            {
                var range = part.Split('-');
                count += range.Length == 2
                    ? int.Parse(range[1], CultureInfo.InvariantCulture) - int.Parse(range[0], CultureInfo.InvariantCulture) + 1
                    : 1;
            }

            return Math.Max(count, 1);
        }
        catch (IOException)
        {
            return Environment.ProcessorCount;
        }
    }
}
