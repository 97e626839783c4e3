namespace ProviderConfig.Client.Serialization;

/// <summary>A string-backed extensible enum: any string is a valid value, known ones are static members.</summary>
internal interface IStringValue<TSelf>
    where TSelf : struct, IStringValue<TSelf>
{
    /// <summary>The wire value.</summary>
    string Value { get; }

    /// <summary>Wraps a wire value without validating it.</summary>
    static abstract TSelf FromWire(string value);
}
