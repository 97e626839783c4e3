using System.Net;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ProviderConfig.Client.Tests.Hosting;

/// <summary>Key rotation without a new client: <see cref="ProviderConfigCredential"/>, with and without DI.</summary>
/// <remarks>Rotation through a reloaded configuration (IOptionsMonitor) is covered by ResilienceTests.A_key_rotated_between_attempts_is_sent_by_the_next_attempt_in_place_of_the_old_one.</remarks>
public sealed class CredentialTests
{
    private const string OldKey = "old-key-0001";
    private const string NewKey = "new-key-0002";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpResponseMessage Ok() => RecordingHandler.Json(HttpStatusCode.OK, Fixtures.Read("get-openai-defaults.json"));

    private static ProviderConfigClientOptions Options(ProviderConfigCredential credential) => new()
    {
        BaseAddress = new Uri("https://bifrost.example.com/"),
        Credential = credential,
        Retry = new RetryOptions { RetryBackoffInitial = TimeSpan.FromMilliseconds(1), RetryBackoffMax = TimeSpan.FromMilliseconds(1) },
    };

    [Fact]
    public async Task The_key_of_a_created_client_is_rotated_by_updating_its_credential()
    {
        var credential = new ProviderConfigCredential(OldKey);
        var handler = new RecordingHandler { Default = _ => Ok() };
        using var client = ProviderConfigClient.Create(Options(credential), handler);

        await client.GetProviderAsync(ProviderName.OpenAI, Ct);
        credential.Update(NewKey);
        await client.GetProviderAsync(ProviderName.OpenAI, Ct);

        Assert.Equal(["Bearer " + OldKey, "Bearer " + NewKey], handler.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_key_updated_during_a_call_is_sent_by_its_next_attempt()
    {
        var credential = new ProviderConfigCredential(OldKey);
        var handler = new RecordingHandler()
            .Enqueue(_ =>
            {
                credential.Update(NewKey);
                return RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}");
            })
            .Enqueue(_ => Ok());
        using var client = ProviderConfigClient.Create(Options(credential), handler);

        await client.GetProviderAsync(ProviderName.OpenAI, Ct);

        Assert.Equal(["Bearer " + OldKey, "Bearer " + NewKey], handler.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_credential_set_in_code_rotates_the_registered_client_too()
    {
        var credential = new ProviderConfigCredential(OldKey);
        var handler = new RecordingHandler { Default = _ => Ok() };
        var services = new ServiceCollection();
        services.AddProviderConfigClient(o =>
            {
                o.BaseAddress = new Uri("https://bifrost.example.com/");
                o.Credential = credential;
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IProviderConfigClient>();

        await client.GetProviderAsync(ProviderName.OpenAI, Ct);
        credential.Update(NewKey);
        await client.GetProviderAsync(ProviderName.OpenAI, Ct);

        Assert.Equal(["Bearer " + OldKey, "Bearer " + NewKey], handler.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public void The_key_cannot_be_read_back_or_printed()
    {
        var credential = new ProviderConfigCredential(OldKey);
        var options = Options(credential);

        Assert.Empty(typeof(ProviderConfigCredential).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static));
        Assert.Empty(typeof(ProviderConfigCredential).GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static));
        Assert.Equal("ProviderConfigCredential", credential.ToString());
        Assert.DoesNotContain(OldKey, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("Auth=Bearer", options.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("key with space")]
    [InlineData("key\n")]
    public async Task A_malformed_key_is_refused_without_being_quoted_and_the_old_one_stays(string bad)
    {
        var credential = new ProviderConfigCredential(OldKey);
        var handler = new RecordingHandler { Default = _ => Ok() };

        var error = Assert.Throws<ArgumentException>(() => credential.Update(bad));
        using var client = ProviderConfigClient.Create(Options(credential), handler);
        await client.GetProviderAsync(ProviderName.OpenAI, Ct);

        Assert.Equal("apiKey", error.ParamName);
        Assert.DoesNotContain("key with space", error.Message, StringComparison.Ordinal);
        Assert.Equal("Bearer " + OldKey, Assert.Single(handler.Requests).Authorization);
        Assert.Throws<ArgumentException>(() => new ProviderConfigCredential(bad));
    }

    [Theory]
    [InlineData("api-key", "ProviderConfigClientOptions.ApiKey and ProviderConfigClientOptions.Credential are both set")]
    [InlineData("basic", "ProviderConfigClientOptions.Credential and ProviderConfigClientOptions.Username/Password are both set")]
    [InlineData("plain-http", "is plain http to 'bifrost.example.com', which is not loopback")]
    public void A_credential_is_validated_with_the_other_settings(string problem, string expected)
    {
        var options = Options(new ProviderConfigCredential(OldKey));
        switch (problem)
        {
            case "api-key": options.ApiKey = "another"; break;
            case "basic": options.Username = "admin"; options.Password = "pw"; break;
            case "plain-http": options.BaseAddress = new Uri("http://bifrost.example.com/"); break;
        }

        var error = Assert.Throws<OptionsValidationException>(() => ProviderConfigClient.Create(options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(OldKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rotated_key_echoed_in_an_error_body_is_scrubbed()
    {
        var credential = new ProviderConfigCredential(OldKey);
        var handler = new RecordingHandler
        {
            Default = _ => RecordingHandler.Json(HttpStatusCode.BadRequest, "{\"error\":{\"message\":\"key " + NewKey + " is not allowed here\"}}"),
        };
        using var client = ProviderConfigClient.Create(Options(credential), handler);
        credential.Update(NewKey);

        var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() => client.GetProviderAsync(ProviderName.OpenAI, Ct));

        Assert.Equal("key [REDACTED] is not allowed here", error.ServerMessage);
    }

    [Fact]
    public void A_credential_in_configuration_is_an_error_not_a_silently_ignored_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProviderConfig:BaseAddress"] = "https://bifrost.example.com/",
            ["ProviderConfig:Credential"] = OldKey,
        }).Build();
        var services = new ServiceCollection();
        services.AddProviderConfigClient(configuration.GetSection("ProviderConfig"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProviderConfigClientOptions>>().Value);

        Assert.Contains("ProviderConfigClientOptions.Credential cannot be set from configuration: set ApiKey there", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(OldKey, error.Message, StringComparison.Ordinal);
    }
}
