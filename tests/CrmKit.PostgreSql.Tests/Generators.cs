using FsCheck;
using FsCheck.Fluent;

namespace CrmKit.PostgreSql.Tests;

/// <summary>The one place properties of this project draw their values from.</summary>
public static class Generators
{
    private const string First = "abcdefghijklmnopqrstuvwxyz_";
    private const string Rest = First + "0123456789";

    /// <summary>Valid schema names: lower-case identifiers of 1 to 63 characters, never starting with 'pg_'.</summary>
    public static Gen<string> SchemaName { get; } =
        from first in Gen.Elements(First.ToCharArray())
        from length in Gen.OneOf(Gen.Choose(0, 12), Gen.Constant(62))
        from rest in Gen.Elements(Rest.ToCharArray()).ArrayOf(length)
        let name = first + new string(rest)
        where !name.StartsWith("pg_", StringComparison.Ordinal)
        select name;

    /// <summary>Strings that are not valid schema names: upper case, spaces, quotes, too long, empty, reserved prefix.</summary>
    public static Gen<string> InvalidSchemaName { get; } =
        Gen.OneOf(
            Gen.Elements("", " ", "Crm", "crm kit", "crm\"kit", "crm;drop", "9lives", "pg_crm", "crm-kit", "crmkit\u00e9", new string('a', 64)),
            SchemaName.Select(s => s + "-"),
            SchemaName.Select(s => s.ToUpperInvariant() + "X"));
}
