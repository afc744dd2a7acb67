namespace RiskPlatform.Api.Infrastructure;

/// <summary>One resource's endpoints. Implementations are found by reflection; adding one needs no registration.</summary>
public interface IEndpointGroup
{
    void Map(IEndpointRouteBuilder app);
}
