using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace RiskPlatform.Api.FunctionalTests.Telemetry.Peers;

/// <summary>
/// Reads an OTLP <c>ExportLogsServiceRequest</c> (protobuf, opentelemetry-proto logs/v1) into its log records, written here
/// from the .proto field numbers and independent of the exporter: request 1 = resource_logs; ResourceLogs 2 = scope_logs;
/// ScopeLogs 2 = log_records; LogRecord 2 severity_number, 3 severity_text, 5 body, 6 attributes, 9 trace_id, 10 span_id;
/// KeyValue 1 key, 2 value; AnyValue 1 string, 2 bool, 3 int, 4 double (other kinds are kept as their raw bytes).
/// </summary>
public static class OtlpLogDecoder
{
    public static IReadOnlyList<OtlpLogRecord> Decode(byte[] request)
    {
        var records = new List<OtlpLogRecord>();
        foreach (var resourceLogs in Fields(request).Where(f => f.Number == 1))
        {
            foreach (var scopeLogs in Fields(resourceLogs.Bytes).Where(f => f.Number == 2))
            {
                records.AddRange(Fields(scopeLogs.Bytes).Where(f => f.Number == 2).Select(f => Record(f.Bytes)));
            }
        }

        return records;
    }

    private static OtlpLogRecord Record(ReadOnlyMemory<byte> bytes)
    {
        string? body = null, severityText = null;
        long severity = 0;
        ActivityTraceId? traceId = null;
        ActivitySpanId? spanId = null;
        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in Fields(bytes))
        {
            switch (field.Number)
            {
                case 2: severity = (long)field.Varint; break;
                case 3: severityText = Encoding.UTF8.GetString(field.Bytes.Span); break;
                case 5: body = Value(field.Bytes) as string; break;
                case 6:
                    var pair = Fields(field.Bytes).ToList();
                    var key = Encoding.UTF8.GetString(pair.Single(f => f.Number == 1).Bytes.Span);
                    attributes[key] = pair.FirstOrDefault(f => f.Number == 2) is { Number: 2 } value ? Value(value.Bytes) : null;
                    break;
                case 9 when field.Bytes.Length == 16: traceId = ActivityTraceId.CreateFromBytes(field.Bytes.Span); break;
                case 10 when field.Bytes.Length == 8: spanId = ActivitySpanId.CreateFromBytes(field.Bytes.Span); break;
            }
        }

        return new OtlpLogRecord(body, severity, severityText, traceId, spanId, attributes);
    }

    private static object? Value(ReadOnlyMemory<byte> anyValue)
    {
        foreach (var field in Fields(anyValue))
        {
            return field.Number switch
            {
                1 => Encoding.UTF8.GetString(field.Bytes.Span),
                2 => field.Varint != 0,
                3 => (long)field.Varint,
                4 => BitConverter.UInt64BitsToDouble(field.Varint),
                _ => field.Bytes.ToArray(),
            };
        }

        return null;
    }

    /// <summary>The fields of one message: varints and fixed-width numbers in <see cref="Field.Varint"/>, the rest as bytes.</summary>
    private static IEnumerable<Field> Fields(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message.Span, ref position);
            var number = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0:
                    yield return new Field(number, ReadVarint(message.Span, ref position), default);
                    break;
                case 1:
                    yield return new Field(number, BinaryPrimitives.ReadUInt64LittleEndian(message.Span[position..]), default);
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message.Span, ref position);
                    yield return new Field(number, 0, message.Slice(position, length));
                    position += length;
                    break;
                case 5:
                    yield return new Field(number, BinaryPrimitives.ReadUInt32LittleEndian(message.Span[position..]), default);
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type {tag & 7} at byte {position}.");
            }
        }
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    private readonly record struct Field(int Number, ulong Varint, ReadOnlyMemory<byte> Bytes);
}

/// <summary>A log record as a collector reads it.</summary>
public sealed record OtlpLogRecord(
    string? Body,
    long SeverityNumber,
    string? SeverityText,
    ActivityTraceId? TraceId,
    ActivitySpanId? SpanId,
    IReadOnlyDictionary<string, object?> Attributes)
{
    public string? Attribute(string key) => Attributes.TryGetValue(key, out var value) ? value as string : null;
}
