using System.Globalization;

namespace ProviderConfig.Client.Serialization;

/// <summary>Parses Go <c>time.ParseDuration</c> strings such as <c>"500ms"</c>, <c>"1.5s"</c> or <c>"1h30m"</c>.</summary>
internal static class GoDuration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var s = text.AsSpan();
        if (s.IsEmpty)
        {
            return false;
        }

        var negative = false;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.SequenceEqual("0"))
        {
            return true;
        }

        if (s.IsEmpty)
        {
            return false;
        }

        decimal totalTicks = 0;
        while (!s.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < s.Length && (char.IsAsciiDigit(s[numberLength]) || s[numberLength] == '.'))
            {
                numberLength++;
            }

            if (numberLength == 0 || !decimal.TryParse(s[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            s = s[numberLength..];
            var unitLength = 0;
            while (unitLength < s.Length && !char.IsAsciiDigit(s[unitLength]) && s[unitLength] != '.')
            {
                unitLength++;
            }

            decimal ticksPerUnit = s[..unitLength] switch
            {
                "ns" => 0.01m,
                "us" or "µs" or "μs" => 10m,
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                _ => -1m,
            };
            if (ticksPerUnit < 0)
            {
                return false;
            }

            totalTicks += number * ticksPerUnit;
            if (totalTicks > TimeSpan.MaxValue.Ticks)
            {
                return false;
            }

            s = s[unitLength..];
        }

        var ticks = (long)decimal.Truncate(totalTicks);
        duration = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }
}
