using Microsoft.JSInterop;
using RiskPlatform.Web.Client;

namespace RiskPlatform.Web.Browser;

/// <summary>
/// This browser's Push API, through <c>wwwroot/push.js</c> (the app's one script of its own, with the service worker it registers).
/// It never calls the service: the page gets the key from the API and posts the subscription there.
/// </summary>
public sealed class BrowserPush(IJSRuntime js) : IAsyncDisposable
{
    /// <summary>The module's path as <c>import()</c> resolves it from the app's base address.</summary>
    public const string ModulePath = "./_content/RiskPlatform.Web/push.js";

    private IJSObjectReference? _module;

    /// <summary>Whether this browser can receive push, its permission for this site and its current subscription's endpoint.</summary>
    public async Task<BrowserPushState> StateAsync() => await (await ModuleAsync()).InvokeAsync<BrowserPushState>("state");

    /// <summary>Asks the person for permission, then subscribes with <paramref name="publicKey"/> (the service's VAPID key).</summary>
    public async Task<BrowserPushSubscribed> SubscribeAsync(string publicKey) =>
        await (await ModuleAsync()).InvokeAsync<BrowserPushSubscribed>("subscribe", publicKey);

    /// <summary>Ends this browser's subscription at its push service; the endpoint it had, or null when there was none.</summary>
    public async Task<string?> UnsubscribeAsync() => await (await ModuleAsync()).InvokeAsync<string?>("unsubscribe");

    private async Task<IJSObjectReference> ModuleAsync() => _module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The tab is gone, and the module with it.
            }
        }
    }
}

/// <summary>What <c>state()</c> answers: <see cref="Permission"/> is <c>default</c>, <c>granted</c>, <c>denied</c> or <c>unsupported</c>.</summary>
public sealed record BrowserPushState(bool Supported, string Permission, string? Endpoint)
{
    public bool Denied => Permission == "denied";
}

/// <summary>What <c>subscribe()</c> answers: the permission given, and the subscription's JSON when it was granted.</summary>
public sealed record BrowserPushSubscribed(string Permission, PushSubscriptionRequest? Subscription);
