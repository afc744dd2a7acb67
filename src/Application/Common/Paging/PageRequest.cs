namespace RiskPlatform.Application.Common.Paging;

/// <summary>limit/offset paging as the existing clients send it: limit defaults to 50 and may not exceed 200.</summary>
public static class PageRequest
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
}
