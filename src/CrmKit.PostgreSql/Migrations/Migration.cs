using System.Security.Cryptography;
using System.Text;

namespace CrmKit.PostgreSql.Migrations;

/// <summary>One numbered SQL script of the schema, as shipped in this assembly.</summary>
/// <param name="Version">The schema version the script brings the database to; scripts run in this order.</param>
/// <param name="Name">The script's file name, e.g. <c>0001_initial.sql</c>.</param>
/// <param name="Sql">The script, with line endings normalised to <c>\n</c>.</param>
internal sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of <see cref="Sql"/> in lower-case hex: recorded when applied, compared on every later run.</summary>
    internal string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
}
