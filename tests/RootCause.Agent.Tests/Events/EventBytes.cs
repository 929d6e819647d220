using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace RootCause.Agent.Tests.Events;

/// <summary>Builds ring-buffer records byte for byte as bpf/include/rc_events.h lays them out.</summary>
internal static class EventBytes
{
    public const int DataHeader = 24;
    public const int PayloadMax = 512;
    public const int ConnSize = 104;

    public const byte Http1 = 1;
    public const byte Postgres = 3;
    public const byte Redis = 4;

    /// <summary>A data record as the kernel reserves it: header plus the full payload area (unused bytes zero).</summary>
    public static byte[] Data(ulong connectionId, bool ingress, string payload, long timestampNs, int? length = null, bool afterLoss = false, byte protocol = Http1) =>
        Data(connectionId, ingress, Encoding.Latin1.GetBytes(payload), timestampNs, length, afterLoss, protocol);

    /// <summary>
    /// A data record of raw bytes. With <paramref name="tail"/>, the kernel's tail copy: the payload's last 32 bytes are
    /// <paramref name="bytes"/>' last 32, the syscall having moved <paramref name="length"/> bytes.
    /// </summary>
    public static byte[] Data(ulong connectionId, bool ingress, byte[] bytes, long timestampNs, int? length = null, bool afterLoss = false, byte protocol = Http1, bool tail = false)
    {
        var captured = Math.Min(bytes.Length, PayloadMax);
        var record = new byte[DataHeader + PayloadMax];
        record[0] = 1;
        record[1] = (byte)((ingress ? 1 : 0) | (protocol << 1) | (tail ? 0x40 : 0) | (afterLoss ? 0x80 : 0));
        length ??= bytes.Length;
        if (tail)
        {
            bytes = [.. bytes.AsSpan(0, PayloadMax - 32), .. bytes.AsSpan(bytes.Length - 32)];
        }

        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(2), (ushort)captured);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), (uint)length.Value);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(8), connectionId);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(16), (ulong)timestampNs);
        bytes.AsSpan(0, captured).CopyTo(record.AsSpan(DataHeader));
        return record;
    }

    public static byte[] Connection(
        byte kind, ulong connectionId, byte role, uint pid, string comm, string local, string remote, long timestampNs,
        uint srttUs = 0, ulong bytesAcked = 0, ulong bytesReceived = 0, byte flags = 0, uint dropReason = 0)
    {
        var record = new byte[ConnSize];
        var localEndpoint = IPEndPoint.Parse(local);
        var remoteEndpoint = IPEndPoint.Parse(remote);
        record[0] = kind;
        record[1] = role;
        record[2] = (byte)(localEndpoint.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 2 : 10);
        record[3] = flags;
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), pid);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(8), connectionId);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(16), (ulong)timestampNs);
        localEndpoint.Address.GetAddressBytes().CopyTo(record.AsSpan(24));
        remoteEndpoint.Address.GetAddressBytes().CopyTo(record.AsSpan(40));
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(56), (ushort)localEndpoint.Port);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(58), (ushort)remoteEndpoint.Port);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(60), kind == 8 ? dropReason : srttUs);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(64), bytesAcked);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(72), bytesReceived);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(84), 5);
        Encoding.ASCII.GetBytes(comm).AsSpan(0, Math.Min(comm.Length, 15)).CopyTo(record.AsSpan(88));
        return record;
    }

    /// <summary>struct rc_task_event: an OOM kill (kind 9) of <paramref name="pid"/>.</summary>
    public static byte[] OomKill(uint pid, string comm, long timestampNs)
    {
        var record = new byte[32];
        record[0] = 9;
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), pid);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(8), (ulong)timestampNs);
        Encoding.ASCII.GetBytes(comm).AsSpan(0, Math.Min(comm.Length, 15)).CopyTo(record.AsSpan(16));
        return record;
    }
}
