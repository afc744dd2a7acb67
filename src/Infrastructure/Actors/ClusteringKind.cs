namespace RiskPlatform.Infrastructure.Actors;

/// <summary>How the nodes of the cluster find each other (<c>Orleans:Clustering</c>).</summary>
public enum ClusteringKind
{
    /// <summary>One node (or development nodes on one machine joining <see cref="OrleansOptions.PrimarySiloEndpoint"/>); needs no server.</summary>
    Localhost,

    /// <summary>Membership in Redis (<c>Redis:ConnectionString</c>).</summary>
    Redis,

    /// <summary>Membership in the service's PostgreSQL database; Orleans' ADO.NET membership tables must exist there.</summary>
    AdoNet,
}
