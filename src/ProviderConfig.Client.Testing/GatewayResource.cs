namespace ProviderConfig.Client.Testing;

/// <summary>The management routes the emulated gateway serves (management contract 2 and 3).</summary>
internal enum GatewayResource
{
    /// <summary><c>/api/providers</c>: GET (list), POST (create).</summary>
    Providers,

    /// <summary><c>/api/providers/{provider}</c>: GET, PUT, DELETE.</summary>
    Provider,

    /// <summary><c>/api/providers/{provider}/keys</c>: GET (list), POST (create).</summary>
    Keys,

    /// <summary><c>/api/providers/{provider}/keys/{key_id}</c>: GET, PUT, DELETE.</summary>
    Key,

    /// <summary><c>/api/providers/{provider}/refresh-models</c>: POST.</summary>
    ProviderRefresh,

    /// <summary><c>/api/providers/{provider}/keys/{key_id}/refresh-models</c>: POST.</summary>
    KeyRefresh,
}
