using Npgsql;

namespace CrmKit.Cli;

/// <summary>
/// Runs a call to a PostgreSQL server for a command and turns the driver's failures into a message
/// naming the server without its password (exit code 1).
/// </summary>
internal static class ServerCalls
{
    /// <exception cref="CommandFailure">The server could not be reached or refused.</exception>
    internal static T Run<T>(DatabaseTarget target, Func<CancellationToken, Task<T>> call)
    {
        try
        {
            return call(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (NpgsqlException e)
        {
            var problem = e is PostgresException p ? $"{p.SqlState}: {p.MessageText}" : e.Message;
            throw new CommandFailure(CrmKitCli.Problems, $"{target.Display}: {problem}");
        }
    }
}
