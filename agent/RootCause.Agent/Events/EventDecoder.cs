using System.Runtime.InteropServices;
using System.Text;
using RootCause.Agent.Protocols;

namespace RootCause.Agent.Events;

/// <summary>Decodes ring-buffer records. Records are hostile input: every length is checked against the record.</summary>
internal static class EventDecoder
{
    static EventDecoder()
    {
        // The C structs and these mirrors must agree byte for byte.
        if (Marshal.SizeOf<RcDataEventHeader>() != RcDataEventHeader.Size || Marshal.SizeOf<RcConnEvent>() != RcConnEvent.Size ||
            Marshal.SizeOf<RcTaskEvent>() != RcTaskEvent.Size)
        {
            throw new InvalidOperationException("Event struct mirrors do not match bpf/include/rc_events.h");
        }
    }

    public static DecodeResult Decode(ReadOnlySpan<byte> record, IEventSink sink)
    {
        if (record.IsEmpty)
        {
            return DecodeResult.Truncated;
        }

        var kind = (EventKind)record[0];
        switch (kind)
        {
            case EventKind.Data:
                return DecodeData(record, sink);
            case EventKind.Open:
            case EventKind.ConnectFailure:
            case EventKind.Close:
            case EventKind.Stats:
            case EventKind.Retransmit:
            case EventKind.Reset:
            case EventKind.Drop:
                return DecodeConnection(record, sink);
            case EventKind.OomKill:
                return DecodeOomKill(record, sink);
            default:
                return DecodeResult.UnknownKind;
        }
    }

    private static DecodeResult DecodeData(ReadOnlySpan<byte> record, IEventSink sink)
    {
        if (record.Length < RcDataEventHeader.Size)
        {
            return DecodeResult.Truncated;
        }

        var header = MemoryMarshal.Read<RcDataEventHeader>(record);
        var available = record.Length - RcDataEventHeader.Size;
        if (header.Captured > RcDataEventHeader.PayloadMax || header.Captured > header.Length)
        {
            return DecodeResult.Invalid;
        }

        if (header.Captured > available)
        {
            return DecodeResult.Truncated;
        }

        var direction = (DataDirection)(header.Direction & 0x01);
        var protocol = (L7Protocol)((header.Direction & RcDataEventHeader.ProtocolMask) >> RcDataEventHeader.ProtocolShift);
        var hasTail = (header.Direction & RcDataEventHeader.TailFlag) != 0;
        if ((header.Direction & 0x30) != 0 || protocol is not (L7Protocol.Http1 or L7Protocol.Postgres or L7Protocol.Redis) ||
            (hasTail && (header.Captured != RcDataEventHeader.PayloadMax || header.Length <= header.Captured)))
        {
            return DecodeResult.Invalid;
        }

        var afterLoss = (header.Direction & RcDataEventHeader.AfterLossFlag) != 0;
        var payload = record.Slice(RcDataEventHeader.Size, header.Captured);
        var tailLength = hasTail ? RcDataEventHeader.PayloadTail : 0;
        sink.OnData(new DataEvent(header.ConnectionId, direction, protocol, afterLoss, header.Length, (long)header.TimestampNs),
            payload[..^tailLength], payload[^tailLength..]);
        return DecodeResult.Decoded;
    }

    private static DecodeResult DecodeConnection(ReadOnlySpan<byte> record, IEventSink sink)
    {
        if (record.Length < RcConnEvent.Size)
        {
            return DecodeResult.Truncated;
        }

        var e = MemoryMarshal.Read<RcConnEvent>(record);
        var isDrop = e.Kind == (byte)EventKind.Drop;
        if (e.Family is not (2 or 10) && e.Kind != (byte)EventKind.Stats)
        {
            return DecodeResult.Invalid;
        }

        ReadOnlySpan<byte> comm = e.Comm;
        var end = comm.IndexOf((byte)0);
        var name = Encoding.UTF8.GetString(end >= 0 ? comm[..end] : comm);
        var family = e.Family is 2 or 10 ? e.Family : (byte)2;
        sink.OnConnection(new ConnectionEvent(
            (EventKind)e.Kind,
            e.Role <= 2 ? (ConnectionRole)e.Role : ConnectionRole.Unknown,
            e.Pid,
            e.ConnectionId,
            (long)e.TimestampNs,
            Endpoint.From(family, e.LocalAddress, e.LocalPort),
            Endpoint.From(family, e.RemoteAddress, e.RemotePort),
            isDrop ? 0 : e.SrttMicroseconds,
            e.BytesAcked,
            e.BytesReceived,
            e.TotalRetransmits,
            e.Fd,
            name,
            e.Flags,
            isDrop ? e.DropReason : 0));
        return DecodeResult.Decoded;
    }

    private static DecodeResult DecodeOomKill(ReadOnlySpan<byte> record, IEventSink sink)
    {
        if (record.Length < RcTaskEvent.Size)
        {
            return DecodeResult.Truncated;
        }

        var e = MemoryMarshal.Read<RcTaskEvent>(record);
        if (e.Pid == 0 || e.Pid > int.MaxValue)
        {
            return DecodeResult.Invalid;
        }

        sink.OnOomKill((int)e.Pid, CommOf(e.Comm), (long)e.TimestampNs);
        return DecodeResult.Decoded;
    }

    private static string CommOf(ReadOnlySpan<byte> comm)
    {
        var end = comm.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end >= 0 ? comm[..end] : comm);
    }
}
