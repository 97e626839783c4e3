using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// A stateful stub of a Bifrost gateway's provider-management API on WireMock.Net, listening on <c>127.0.0.1</c> on a
/// free port: <c>GET</c>/<c>POST /api/providers</c>, <c>GET</c>/<c>PUT</c>/<c>DELETE /api/providers/{provider}</c>,
/// <c>GET</c>/<c>POST .../keys</c>, <c>GET</c>/<c>PUT</c>/<c>DELETE .../keys/{key_id}</c> and the two <c>refresh-models</c>
/// routes. It keeps raw (unmasked) providers and keys, answers with the gateway's masking, field order, validation
/// messages and error bodies, and can inject failures, delays, dropped connections and lost responses for resilience
/// tests.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe. Start one per test (or per test class) with <see cref="Start"/> and dispose it. The gateway era (secret
/// shapes, masked-secret restore, DELETE of an unknown provider) is chosen with <see cref="BifrostStubOptions.SecretShape"/>.
/// </para>
/// <para>
/// Differences from a real gateway:
/// no DNS lookups (host names in <c>base_url</c> and key URLs are accepted; only IP literals are classified, and the detail
/// after <c>Invalid base URL: </c> / <c>Invalid key URL: &lt;path&gt;: </c> is the stub's own wording);
/// no model discovery and no upstream calls (a provider PUT leaves <c>status</c>/<c>description</c> as they were, and a PUT
/// or POST makes the provider <c>active</c>; a key create, update or refresh sets the key's <c>status</c> to <c>success</c>, a refresh
/// also clears <c>description</c>; a refresh is 409 only after <see cref="SimulateRefreshInProgress"/>);
/// <c>env.*</c>/<c>vault.*</c> references are not resolved (a reference sent in a request stores an empty value, or keeps the
/// value it had when the same reference is sent again, and counts as a non-empty key value);
/// no 403 for dial-target changes while dashboard auth is off (PR #5768), since the stub without credentials is a gateway
/// with auth off;
/// no <c>GET /api/keys</c>; no split between database and memory, so none of the 500 answers (store, reload, rollback) and
/// no 500 for a non-custom provider of an unknown type;
/// of the key checks, the GitHub Copilot and GigaChat ones, the Databricks "token or M2M" one, and the alias
/// whitespace and per-provider sub-config ones are not emulated;
/// validation other than the era differences of <see cref="BifrostStubOptions.SecretShape"/> is the newest gateway's in
/// every era.
/// </para>
/// </remarks>
public sealed class BifrostStubServer : IDisposable, IAsyncDisposable
{
    private readonly object _logGate = new();
    private readonly List<StubRequest> _requests = [];
    private readonly FaultInjector _faults = new();
    private readonly EmulatedGateway _gateway;
    private readonly bool _seedDefaultProviders;
    private readonly WireMockServer _server;

    // WireMock hands the callback a partly decoded path ("+" becomes a space, %2F a slash); the gateway unescapes the
    // raw segment itself. The fault layer captures the raw target and it flows to the callback with the request.
    private readonly AsyncLocal<string?> _rawTarget = new();

    private BifrostStubServer(BifrostStubOptions options)
    {
        _seedDefaultProviders = options.SeedDefaultProviders;
        _gateway = new EmulatedGateway(new ProviderStore(), new StubAuthentication(options.ApiKey, options.Username, options.Password, options.ReadOnlyApiKey, options.AuthWithoutAdminPassword), options.SecretShape);
        Seed();

        var settings = new WireMockServerSettings
        {
            // Port 0: the OS picks a free port at bind time, so parallel test runs cannot collide.
            Urls = ["http://127.0.0.1:0"],
            StartAdminInterface = false,
            DisableJsonBodyParsing = true,
            DisableRequestBodyDecompressing = true,
            AllowBodyForAllHttpMethods = true,
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(FaultLayerAsync),
        };
        _server = WireMockServer.Start(settings);
        _server
            .Given(Request.Create().UsingAnyMethod().WithPath(new WildcardMatcher("/*")))
            .RespondWith(Response.Create().WithCallback(Respond));
        BaseAddress = new Uri(_server.Url!);
    }

    /// <summary>The stub's address, <c>http://127.0.0.1:{port}/</c>: use it as the client's base address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The requests received so far, oldest first (a snapshot), including those answered by an injected fault.</summary>
    public IReadOnlyList<StubRequest> Requests
    {
        get
        {
            lock (_logGate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts a stub on <c>127.0.0.1</c> on a free port.</summary>
    /// <param name="options">Settings; null for the defaults (no auth, newest secret shape, seeded providers).</param>
    /// <returns>The running stub.</returns>
    public static BifrostStubServer Start(BifrostStubOptions? options = null) => new(options ?? new BifrostStubOptions());

    /// <summary>Stores a provider as the gateway would hold it, unmasked, replacing any of that name.</summary>
    /// <param name="name">The provider name (case-sensitive), e.g. <c>openai</c>.</param>
    /// <param name="rawJson">
    /// The provider as a JSON object with the response's field names. Secrets may be in any accepted shape (plain string,
    /// <c>env.NAME</c>, <c>{value, ref, type}</c>, <c>{value, env_var, from_env}</c>) and are taken as raw values. A block
    /// left out shows its defaults; <c>provider_status</c> (default <c>active</c>), <c>status</c>, <c>description</c> and
    /// <c>config_hash</c> are kept; unknown members are dropped.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="rawJson"/> is not a JSON object of the gateway's model.</exception>
    public void SetProvider(string name, string rawJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(rawJson);
        if (JsonNode.Parse(rawJson) is not JsonObject raw)
        {
            throw new ArgumentException("The provider must be a JSON object.", nameof(rawJson));
        }

        _gateway.SetProvider(name, raw);
    }

    /// <summary>
    /// The provider as stored, unmasked (secrets as <c>{"value", "ref"?, "type"}</c>, <c>network_config.ca_cert_pem</c> as a
    /// string, backoffs in milliseconds), for assertions; a copy. Null when there is no such provider.
    /// </summary>
    /// <param name="name">The provider name (case-sensitive).</param>
    public JsonObject? GetStoredProvider(string name) => _gateway.Store.GetStored(name);

    /// <summary>Deletes a provider and its keys, so that GET answers 404.</summary>
    /// <param name="name">The provider name (case-sensitive).</param>
    /// <returns>Whether it existed.</returns>
    public bool RemoveProvider(string name) => _gateway.Store.Remove(name);

    /// <summary>
    /// Stores a key of a stored provider as the gateway would hold it, unmasked, replacing the key with the same <c>id</c>
    /// in place (else appending it). No validation and no name-uniqueness check: any state can be set up.
    /// </summary>
    /// <param name="provider">The provider name (case-sensitive); the provider must be stored.</param>
    /// <param name="rawJson">
    /// The key as a JSON object with the gateway's field names (<c>id</c>, <c>name</c>, <c>value</c>, <c>models</c>, ...,
    /// <c>status</c>, <c>description</c>). Secrets may be in any accepted shape and are taken as raw values; a reference
    /// given as an object keeps its <c>value</c> as the value the gateway resolved it to. An empty or missing <c>id</c>
    /// gets a new UUID. Unknown members are dropped; nothing else is defaulted (a missing <c>enabled</c> stays unset).
    /// </param>
    /// <exception cref="ArgumentException">
    /// <paramref name="rawJson"/> is not a JSON object of the gateway's key model, or <paramref name="provider"/> is not stored.
    /// </exception>
    public void SetKey(string provider, string rawJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentNullException.ThrowIfNull(rawJson);
        if (JsonNode.Parse(rawJson) is not JsonObject raw)
        {
            throw new ArgumentException("The key must be a JSON object.", nameof(rawJson));
        }

        _gateway.SetKey(provider, raw);
    }

    /// <summary>
    /// A provider's keys as stored, unmasked, in stored order (insertion order; an update keeps the position), for
    /// assertions: copies, with secrets as <c>{"value", "ref"?, "type"}</c> and aliases with only a <c>model_id</c> as a
    /// bare string. Empty for a provider with no keys or no such provider.
    /// </summary>
    /// <param name="provider">The provider name (case-sensitive).</param>
    public IReadOnlyList<JsonObject> GetStoredKeys(string provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return _gateway.Store.GetStoredKeys(provider);
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> <c>refresh-models</c> calls for <paramref name="provider"/> (provider-wide or
    /// per key) answer 409 <c>model refresh already in progress for this provider</c>, as while another refresh runs.
    /// Calls answered 404 (unknown provider or key) do not count.
    /// </summary>
    /// <param name="provider">The provider name (case-sensitive); it need not be stored yet.</param>
    /// <param name="count">How many calls; replaces an earlier count for the provider, 0 cancels it.</param>
    public void SimulateRefreshInProgress(string provider, int count)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _gateway.Store.SimulateRefreshInProgress(provider, count);
    }

    /// <summary>The names of the stored providers, in ordinal order.</summary>
    public IReadOnlyList<string> ProviderNames => _gateway.Store.Names();

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> and a Bifrost error body.</summary>
    /// <remarks>
    /// <see cref="FailNext"/>, <see cref="DelayNext"/>, <see cref="ResetConnectionNext"/> and <see cref="DropResponseNext"/>
    /// share one queue: each takes its requests after every fault queued before it, in the order they were queued.
    /// Queued faults act in front of the gateway, on every route and before authentication.
    /// </remarks>
    /// <param name="count">How many requests; queued after every fault queued earlier.</param>
    /// <param name="status">The status to answer with, e.g. 503.</param>
    /// <param name="retryAfter">When set, a <c>Retry-After</c> header in whole seconds (rounded up).</param>
    public void FailNext(int count, HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (retryAfter is { } wait)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(retryAfter));
        }

        _faults.FailNext(count, status, retryAfter);
    }

    /// <summary>
    /// Holds the next <paramref name="count"/> requests for <paramref name="delay"/> before handling them (or before a
    /// random fault, see <see cref="InjectRandomFaults"/>).
    /// </summary>
    /// <param name="count">How many requests; queued after every fault queued earlier (see <see cref="FailNext"/>).</param>
    /// <param name="delay">How long each waits; a client timeout shorter than this sees a timeout.</param>
    public void DelayNext(int count, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        _faults.DelayNext(count, delay);
    }

    /// <summary>
    /// Drops the connection of the next <paramref name="count"/> requests without an answer; an <see cref="HttpClient"/>
    /// sees an <see cref="HttpRequestException"/>. The gateway never sees these requests (nothing is stored); they are in
    /// <see cref="Requests"/>.
    /// </summary>
    /// <param name="count">How many requests; queued after every fault queued earlier (see <see cref="FailNext"/>).</param>
    public void ResetConnectionNext(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _faults.ResetConnectionNext(count);
    }

    /// <summary>
    /// Lets the gateway handle the next <paramref name="count"/> requests (what they change is stored), then drops the
    /// connection instead of sending the answer, as when a response is lost on the way back: an <see cref="HttpClient"/>
    /// sees an <see cref="HttpRequestException"/> for a write that did happen. Use it to test that a client re-reads before
    /// retrying a non-idempotent call such as <c>POST /api/providers/{provider}/keys</c>.
    /// </summary>
    /// <param name="count">How many requests; queued after every fault queued earlier (see <see cref="FailNext"/>).</param>
    public void DropResponseNext(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _faults.DropResponseNext(count);
    }

    /// <summary>
    /// For soak tests: each request not already taken by a queued fault fails with probability <paramref name="rate"/>,
    /// equally often as a 503, a 429 with <c>Retry-After</c> 0 or 1 s, or a dropped connection.
    /// </summary>
    /// <param name="rate">The probability, 0 to 1; 0 turns random faults off.</param>
    /// <param name="seed">A seed for a repeatable sequence, or null for a random one.</param>
    public void InjectRandomFaults(double rate, int? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 0d);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1d);
        _faults.InjectRandomFaults(rate, seed);
    }

    /// <summary>Cancels every queued and random fault.</summary>
    public void ClearFaults() => _faults.Clear();

    /// <summary>Empties <see cref="Requests"/>.</summary>
    public void ClearRequests()
    {
        lock (_logGate)
        {
            _requests.Clear();
        }
    }

    /// <summary>
    /// Back to the start state: providers and their keys re-seeded (or emptied), simulated refreshes, faults and the
    /// request log cleared.
    /// </summary>
    public void Reset()
    {
        _faults.Clear();
        ClearRequests();
        Seed();
    }

    /// <inheritdoc />
    public void Dispose() => _server.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Seed()
    {
        _gateway.Store.Clear();
        if (_seedDefaultProviders)
        {
            foreach (var (name, stored) in SeedProviders.All())
            {
                _gateway.Store.Set(name, stored);
            }

            foreach (var (provider, key) in SeedKeys.All())
            {
                _gateway.Store.SetKey(provider, key);
            }
        }
    }

    /// <summary>
    /// ASP.NET Core middleware in front of WireMock's: records the request, then applies the injected faults, as a
    /// flaky network or proxy in front of the gateway would. Dropping the connection needs the HttpContext.
    /// </summary>
    private async Task FaultLayerAsync(HttpContext context, RequestDelegate next)
    {
        var (rawTarget, body) = await RecordAsync(context).ConfigureAwait(false);
        _rawTarget.Value = rawTarget;
        var plan = _faults.Next();
        if (plan.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(plan.Delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (plan.ResetConnection)
        {
            context.Abort();
            return;
        }

        if (plan.FailureStatus is { } status)
        {
            var code = (int)status;
            if (plan.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            await WriteAsync(context, GatewayResponse.Error(code, $"injected fault: {code} {ReasonPhrase(status)}")).ConfigureAwait(false);
            return;
        }

        if (plan.DropResponse)
        {
            // The gateway handles the request (its state changes stick); the answer is thrown away and the connection
            // reset, so not one byte of the response reaches the client.
            var authorization = context.Request.Headers.Authorization is { Count: > 0 } values ? values[0] : null;
            _ = _gateway.Handle(context.Request.Method, rawTarget, authorization, body);
            context.Abort();
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static string ReasonPhrase(HttpStatusCode status)
        => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase((int)status) is { Length: > 0 } phrase ? phrase : status.ToString();

    private static async Task WriteAsync(HttpContext context, GatewayResponse response)
    {
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers.Append(name, value);
        }

        await context.Response.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <returns>The raw request target and the body (null when empty).</returns>
    private async Task<(string Target, string? Body)> RecordAsync(HttpContext context)
    {
        var request = context.Request;
        request.EnableBuffering();
        string? body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        request.Body.Position = 0;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? scheme = null;
        foreach (var (name, values) in request.Headers)
        {
            if (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                // Only the scheme: the credential must never reach a test log.
                var header = values.ToString();
                var space = header.IndexOf(' ', StringComparison.Ordinal);
                scheme = space < 0 ? header : header[..space];
                headers[name] = scheme;
                continue;
            }

            headers[name] = values.ToString();
        }

        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        var entry = new StubRequest(request.Method, target, headers, scheme, body.Length == 0 ? null : body, DateTimeOffset.UtcNow);
        lock (_logGate)
        {
            _requests.Add(entry);
        }

        return (target, entry.Body);
    }

    private IResponseMessage Respond(IRequestMessage request)
    {
        var authorization = request.Headers is { } headers && headers.TryGetValue("Authorization", out var values) ? values.FirstOrDefault() : null;
        var response = _gateway.Handle(request.Method, _rawTarget.Value ?? request.AbsolutePath, authorization, request.Body);
        var message = new ResponseMessage
        {
            StatusCode = response.StatusCode,
            BodyData = new BodyData { BodyAsString = response.Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        message.AddHeader("Content-Type", "application/json");
        foreach (var (name, value) in response.Headers)
        {
            message.AddHeader(name, value);
        }

        return message;
    }
}
