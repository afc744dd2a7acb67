using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace RiskPlatform.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Gives every command EF Core runs on PostgreSQL a new <see cref="NpgsqlCommand"/>, instead of the one the
/// <see cref="NpgsqlConnection"/> keeps from its last disposed command. A pooled context keeps its connection object from
/// request to request, so a recycled command carries whatever its last execution left on it into the next request; and
/// Npgsql (10.0.3) leaves one such thing behind: when the write of a statement it is auto-preparing fails (a connection cut
/// or reset), the statement stays marked "being prepared". On the next physical connection the command then fails with a
/// <see cref="NullReferenceException"/> and leaves that connection out of step with the server, so its next user reads
/// another query's rows ("Received backend message DataRow while expecting ParseCompleteMessage"): two 500s after the
/// database is back (docs/decisions/017-database-unavailable-and-pushes-off-the-request.md, addendum). A command per
/// execution costs a few small allocations; preparation is unchanged (Npgsql keeps prepared statements per physical
/// connection, by SQL text, not per command object).
/// </summary>
internal sealed class FreshNpgsqlCommandInterceptor : DbCommandInterceptor
{
    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        !result.HasResult && eventData.Connection is NpgsqlConnection connection
            ? InterceptionResult<DbCommand>.SuppressWithResult(new NpgsqlCommand { Connection = connection })
            : result;
}
