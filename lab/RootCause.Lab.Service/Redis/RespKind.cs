namespace RootCause.Lab.Service.Redis;

/// <summary>The RESP2 reply types; <see cref="Null"/> stands for both the null bulk string and the null array.</summary>
internal enum RespKind
{
    SimpleString,
    Error,
    Integer,
    BulkString,
    Array,
    Null,
}
