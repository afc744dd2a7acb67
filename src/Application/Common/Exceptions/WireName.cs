using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.Common.Exceptions;

/// <summary>Turns a C# property path ("Params.WindowSeconds", "Symbols[0]") into the JSON field name the client sent.</summary>
public static class WireName
{
    public static string FromPropertyPath(string propertyPath)
    {
        if (string.IsNullOrEmpty(propertyPath))
        {
            return string.Empty;
        }

        var parts = propertyPath.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            parts[i] = bracket < 0
                ? SnakeCase.Of(part)
                : SnakeCase.Of(part[..bracket]) + part[bracket..];
        }

        return string.Join('.', parts);
    }
}
