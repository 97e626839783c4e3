using System.Buffers;

namespace ProviderConfig.Client.Http;

/// <summary>
/// A response body read once into a pooled buffer: parsed from there, and quoted from there in an error message when
/// it is not what was expected. Avoids the two copies of <c>ReadAsByteArrayAsync</c> on a buffered response.
/// </summary>
internal readonly struct PooledBody : IDisposable
{
    /// <summary>
    /// A provider configuration or key is a few kilobytes and a list of them about 1 KB per entry (tens of thousands fit);
    /// anything past this is not a gateway answer.
    /// </summary>
    public const int MaxLength = 32 * 1024 * 1024;

    private readonly byte[] _buffer;
    private readonly int _length;

    private PooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    public static async ValueTask<PooledBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var expected = content.Headers.ContentLength;
        if (expected > MaxLength)
        {
            throw new InvalidDataException($"the response body is {expected} bytes, more than the {MaxLength} bytes the SDK reads from one gateway answer.");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(expected is > 0 ? (int)expected.Value + 1 : 8192);
        var length = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (buffer.Length >= MaxLength)
                        {
                            throw new InvalidDataException($"the response body is more than the {MaxLength} bytes the SDK reads from one gateway answer.");
                        }

                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }
            }

            return new PooledBody(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
