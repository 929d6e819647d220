using System.Buffers;
using System.Globalization;
using System.Text;

namespace RootCause.Lab.Service.Redis;

/// <summary>Encodes commands as RESP2 arrays of bulk strings; several commands in one buffer make a pipeline.</summary>
internal static class RespWriter
{
    private static readonly byte[] CrLf = "\r\n"u8.ToArray();

    public static byte[] Encode(IReadOnlyList<IReadOnlyList<string>> commands)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        foreach (var command in commands)
        {
            if (command.Count == 0)
            {
                throw new ArgumentException("a command needs at least its name", nameof(commands));
            }

            Header(buffer, '*', command.Count);
            foreach (var argument in command)
            {
                Header(buffer, '$', Encoding.UTF8.GetByteCount(argument));
                var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(argument.Length));
                buffer.Advance(Encoding.UTF8.GetBytes(argument, span));
                buffer.Write(CrLf);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Header(ArrayBufferWriter<byte> buffer, char type, int count)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{type}{count}\r\n");
        buffer.Advance(Encoding.ASCII.GetBytes(text, buffer.GetSpan(text.Length)));
    }
}
