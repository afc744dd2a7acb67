using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// Quick start only: in Development, secrets that are not configured are generated once and kept in <c>data/dev-secrets.json</c>.
/// In every other environment nothing is generated and option validation stops the service, naming the missing setting.
/// </summary>
internal static class DevelopmentSecrets
{
    public const string FileName = "dev-secrets.json";

    /// <summary>Adds the generated secrets as a configuration source and returns the warnings to log once logging is up.</summary>
    public static IReadOnlyList<string> AddTo(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            return [];
        }

        var configuration = builder.Configuration;
        var needsJwt = string.IsNullOrWhiteSpace(configuration["Jwt:SigningKey"]) && !configuration.GetSection("Jwt:SigningKeys").GetChildren().Any();
        var needsMasterKey = !configuration.GetSection("Encryption:MasterKeys").GetChildren().Any();
        var needsVapid = string.IsNullOrWhiteSpace(configuration["Push:Vapid:PublicKey"]) && string.IsNullOrWhiteSpace(configuration["Push:Vapid:PrivateKey"]);
        var needsVapidSubject = string.IsNullOrWhiteSpace(configuration["Push:Vapid:Subject"]);
        if (!needsJwt && !needsMasterKey && !needsVapid && !needsVapidSubject)
        {
            return [];
        }

        var directory = Path.Combine(builder.Environment.ContentRootPath, "data");
        var path = Path.Combine(directory, FileName);
        Directory.CreateDirectory(directory);
        var document = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : [];
        var warnings = new List<string>();

        if (needsJwt && document["Jwt"]?["SigningKey"] is null)
        {
            document["Jwt"] = new JsonObject { ["SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
            warnings.Add($"Jwt:SigningKey is not configured; generated a development key in {path}. Configure Jwt__SigningKey outside Development.");
        }

        if (needsMasterKey && document["Encryption"]?["MasterKeys"] is null)
        {
            document["Encryption"] = new JsonObject
            {
                ["ActiveKeyVersion"] = 1,
                ["MasterKeys"] = new JsonObject { ["1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
            };
            warnings.Add($"Encryption:MasterKeys is not configured; generated a development master key in {path}. Configure Encryption__MasterKeys__1 outside Development.");
        }

        if (needsVapid && document["Push"]?["Vapid"] is null)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var parameters = key.ExportParameters(includePrivateParameters: true);
            document["Push"] = new JsonObject
            {
                ["Vapid"] = new JsonObject
                {
                    ["PublicKey"] = Base64Url([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]),
                    ["PrivateKey"] = Base64Url(parameters.D!),
                },
            };
            warnings.Add($"Push:Vapid is not configured; generated a development VAPID key pair in {path}. Configure Push__Vapid__PublicKey, Push__Vapid__PrivateKey and Push__Vapid__Subject outside Development.");
        }

        File.WriteAllText(path, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        if (warnings.Count == 0)
        {
            warnings.Add($"Using development secrets from {path}.");
        }

        // Only the settings that were missing are supplied, so anything configured explicitly still wins.
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (needsJwt)
        {
            values["Jwt:SigningKey"] = document["Jwt"]!["SigningKey"]!.GetValue<string>();
        }

        if (needsMasterKey)
        {
            values["Encryption:ActiveKeyVersion"] = document["Encryption"]!["ActiveKeyVersion"]!.ToJsonString();
            foreach (var (version, key) in document["Encryption"]!["MasterKeys"]!.AsObject())
            {
                values[$"Encryption:MasterKeys:{version}"] = key!.GetValue<string>();
            }
        }

        if (needsVapid)
        {
            values["Push:Vapid:PublicKey"] = document["Push"]!["Vapid"]!["PublicKey"]!.GetValue<string>();
            values["Push:Vapid:PrivateKey"] = document["Push"]!["Vapid"]!["PrivateKey"]!.GetValue<string>();
        }

        if (needsVapidSubject)
        {
            // Not a secret: the contact the push services see; a placeholder will do on a developer's machine.
            values["Push:Vapid:Subject"] = "mailto:developer@localhost";
        }

        builder.Configuration.AddInMemoryCollection(values);
        return warnings;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
