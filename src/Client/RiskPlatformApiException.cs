using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RiskPlatform.Client;

/// <summary>
/// Every error answer of the service is a problem document (RFC 9457): the generated exception carries the status and the raw
/// body; this part reads the problem's members, so a caller can branch on <see cref="Code"/> (e.g. <c>order_blocked</c>) and
/// show <see cref="FieldErrors"/> next to the fields of a form. For documented problem responses the generated
/// <c>RiskPlatformApiException&lt;Problem&gt;</c> also has the typed <c>Result</c>.
/// </summary>
public partial class RiskPlatformApiException
{
    private JObject? _problem;
    private bool _read;

    /// <summary>The problem's machine-readable <c>code</c> (null for a validation problem, which names fields instead).</summary>
    public string? Code => Member("code");

    /// <summary>The problem's short, human-readable summary.</summary>
    public string? Title => Member("title");

    /// <summary>What went wrong in this occurrence.</summary>
    public string? Detail => Member("detail");

    /// <summary>The service's trace id of the request: the key to its logs and trace.</summary>
    public string? TraceId => Member("trace_id");

    /// <summary>Validation failures: each invalid field (snake_case, as sent) with its messages; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string[]> FieldErrors =>
        Problem?["errors"] is JObject errors
            ? errors.Properties().ToDictionary(p => p.Name, p => p.Value is JArray messages ? [.. messages.Select(m => m.ToString())] : new[] { p.Value.ToString() })
            : new Dictionary<string, string[]>();

    /// <summary>A member of the problem beyond the standard ones (e.g. <c>breaches</c> of a blocked order), or null.</summary>
    public JToken? Extension(string name) => Problem?[name];

    private JObject? Problem
    {
        get
        {
            if (!_read)
            {
                _read = true;
                try
                {
                    _problem = string.IsNullOrWhiteSpace(Response) ? null : JToken.Parse(Response) as JObject;
                }
                catch (JsonReaderException)
                {
                    _problem = null; // not a problem document (e.g. a proxy's HTML error page)
                }
            }

            return _problem;
        }
    }

    private string? Member(string name) => Problem?[name]?.Type == JTokenType.String ? Problem[name]!.Value<string>() : null;
}
