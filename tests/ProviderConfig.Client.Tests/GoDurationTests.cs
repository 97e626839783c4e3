using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Tests;

/// <summary>
/// The client's reading of Go <c>time.ParseDuration</c> strings, which older gateways and hand-written config.json files
/// use for <c>retry_backoff_*</c>. Expectations are Go's: the examples of the <c>time</c> package documentation, its unit
/// table (ns, us/µs/μs, ms, s, m, h), signs, fractions and the errors it returns. Read as a user reads them: a
/// <c>retry_backoff_initial</c> string in a provider body.
/// </summary>
public sealed class GoDurationTests
{
    public static TheoryData<string, long> Valid() => new()
    {
        { "300ms", 300 * TimeSpan.TicksPerMillisecond },
        { "-1.5h", -90 * TimeSpan.TicksPerMinute },
        { "+1.5h", 90 * TimeSpan.TicksPerMinute },
        { "2h45m", (165 * TimeSpan.TicksPerMinute) },
        { "1h2m3s4ms", TimeSpan.TicksPerHour + (2 * TimeSpan.TicksPerMinute) + (3 * TimeSpan.TicksPerSecond) + (4 * TimeSpan.TicksPerMillisecond) },
        { "1.5s", 1500 * TimeSpan.TicksPerMillisecond },
        { ".5s", 500 * TimeSpan.TicksPerMillisecond },
        { "5.s", 5 * TimeSpan.TicksPerSecond },
        { "2us", 20 },
        { "2µs", 20 },  // U+00B5 micro sign
        { "2μs", 20 },  // U+03BC Greek mu
        { "100ns", 1 },
        { "150ns", 1 }, // a tick is 100 ns: the rest is truncated, as TimeSpan cannot hold it
        { "1m", TimeSpan.TicksPerMinute },
        { "0", 0 },
        { "-0", 0 },
        { "+0", 0 },
        { "0s", 0 },
        { "1h1h", 2 * TimeSpan.TicksPerHour },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Reads_what_go_reads(string text, long expectedTicks)
        => Assert.Equal(TimeSpan.FromTicks(expectedTicks), ReadBackoff(text));

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData("1")]        // missing unit
    [InlineData("500")]      // missing unit
    [InlineData(".")]
    [InlineData("s")]
    [InlineData("-s")]
    [InlineData("1x")]       // unknown unit
    [InlineData("1 s")]      // no spaces in Go durations
    [InlineData("1sec")]
    [InlineData("1.2.3s")]
    [InlineData("1h-5m")]    // a sign only in front
    [InlineData("3000000000h")] // beyond TimeSpan (and Go's int64 nanoseconds)
    public void Refuses_what_go_refuses(string text)
    {
        var error = Assert.Throws<JsonException>(() => ReadBackoff(text));
        Assert.Contains($"found \"{text}\"", error.Message, StringComparison.Ordinal);
    }

    private static TimeSpan ReadBackoff(string text)
    {
        var json = Fixtures.ReadObject("get-openai-defaults.json");
        json["network_config"]!["retry_backoff_initial"] = JsonValue.Create(text);
        return Json.ReadConfiguration(json.ToJsonString()).NetworkConfig.RetryBackoffInitial;
    }
}
