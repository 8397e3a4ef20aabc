using LiteDB;

namespace CrmKit.Storage.LiteDb;

/// <summary>
/// Query predicates with the value passed as a parameter. LiteDB's <c>Query.EQ</c> and its kin write
/// the value into the expression's text, and LiteDB compiles (and keeps) one delegate per distinct
/// text: a sweep or an append that looks up thousands of customers, tasks or keys then spends most
/// of its time compiling expressions, and the cache grows with every value. With the value as
/// <c>@0</c>, every look-up of a field shares one compiled expression, and indexes are used alike.
/// </summary>
internal static class Where
{
    internal static BsonExpression Eq(string field, BsonValue value) => BsonExpression.Create(field + " = @0", value ?? BsonValue.Null);

    /// <summary>Both fields equal their values.</summary>
    internal static BsonExpression BothEq(string field, BsonValue value, string other, BsonValue otherValue) =>
        BsonExpression.Create($"{field} = @0 AND {other} = @1", value ?? BsonValue.Null, otherValue ?? BsonValue.Null);

    /// <summary>The field is at least <paramref name="start"/> and less than <paramref name="end"/>.</summary>
    internal static BsonExpression From(string field, BsonValue start, BsonValue end) => BsonExpression.Create($"{field} >= @0 AND {field} < @1", start, end);

    internal static BsonExpression Gt(string field, BsonValue value) => BsonExpression.Create(field + " > @0", value);

    internal static BsonExpression Between(string field, BsonValue start, BsonValue end) => BsonExpression.Create(field + " BETWEEN @0 AND @1", start, end);

    internal static BsonExpression In(string field, BsonArray values) => BsonExpression.Create(field + " IN @0", values);
}
