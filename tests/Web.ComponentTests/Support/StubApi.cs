using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace RiskPlatform.Web.ComponentTests.Support;

/// <summary>The service's HTTP API as the components see it: canned answers per route, and every request they sent.</summary>
internal sealed class StubApi : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Queue<(HttpStatusCode Status, string Json)>> _answers = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers the next request to <paramref name="path"/> (under /api/v1, query included) with this status and body.</summary>
    public StubApi On(HttpMethod method, string path, HttpStatusCode status, string json = "{}")
    {
        _answers.GetOrAdd(Key(method, path), _ => new Queue<(HttpStatusCode, string)>()).Enqueue((status, json));
        return this;
    }

    public RecordedRequest Single(HttpMethod method, string path) =>
        Assert.Single(Requests, request => request.Method == method && request.Path == path);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery["/api/v1/".Length..];
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var mfaProof = request.Headers.TryGetValues("X-MFA-Proof", out var proofs) ? proofs.Single() : null;
        Requests.Enqueue(new RecordedRequest(request.Method, path, body, request.Headers.Authorization?.Parameter, mfaProof));
        if (!_answers.TryGetValue(Key(request.Method, path), out var queue) || !queue.TryDequeue(out var answer))
        {
            throw new InvalidOperationException($"No answer stubbed for {request.Method} {path}.");
        }

        return new HttpResponseMessage(answer.Status)
        {
            Content = new StringContent(answer.Json, Encoding.UTF8, answer.Status >= HttpStatusCode.BadRequest ? "application/problem+json" : "application/json"),
        };
    }

    private static string Key(HttpMethod method, string path) => $"{method} {path}";
}

internal sealed record RecordedRequest(HttpMethod Method, string Path, string? Body, string? BearerToken, string? MfaProof = null);
