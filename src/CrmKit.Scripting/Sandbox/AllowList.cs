using System.Collections.Frozen;
using Microsoft.CodeAnalysis;

namespace CrmKit.Scripting;

/// <summary>
/// The types a script may use, by full metadata name, and the members of those types it still
/// may not use. Everything else is rejected. Nested types (such as a list's enumerator) follow
/// their containing type.
/// </summary>
internal static class AllowList
{
    private static readonly FrozenSet<string> Types = new[]
    {
        // Primitives and everyday values.
        "System.Object", "System.String", "System.Boolean", "System.Char", "System.SByte", "System.Byte",
        "System.Int16", "System.UInt16", "System.Int32", "System.UInt32", "System.Int64", "System.UInt64",
        "System.Single", "System.Double", "System.Decimal", "System.Void", "System.Nullable`1",
        "System.Math", "System.MathF", "System.DateTime", "System.DateTimeOffset", "System.TimeSpan",
        "System.DateOnly", "System.TimeOnly", "System.DayOfWeek", "System.DateTimeKind", "System.MidpointRounding",
        "System.StringComparison", "System.StringComparer", "System.StringSplitOptions", "System.Index", "System.Range",
        "System.Span`1", "System.ReadOnlySpan`1", "System.MemoryExtensions", "System.Array", "System.Enum",
        "System.IComparable`1", "System.IEquatable`1", "System.IFormatProvider", "System.IFormattable",
        "System.ValueTuple", "System.ValueTuple`1", "System.ValueTuple`2", "System.ValueTuple`3", "System.ValueTuple`4",
        "System.ValueTuple`5", "System.ValueTuple`6", "System.ValueTuple`7", "System.ValueTuple`8",
        // Delegates for lambdas (LINQ and local use).
        "System.Func`1", "System.Func`2", "System.Func`3", "System.Func`4", "System.Func`5", "System.Func`6",
        "System.Action", "System.Action`1", "System.Action`2", "System.Action`3", "System.Action`4",
        "System.Predicate`1", "System.Comparison`1", "System.Converter`2",
        // Exceptions a script may throw to say its data is wrong.
        "System.Exception", "System.ArgumentException", "System.ArgumentNullException", "System.ArgumentOutOfRangeException",
        "System.InvalidOperationException", "System.FormatException", "System.OverflowException",
        "System.DivideByZeroException", "System.NotSupportedException",
        // Collections and LINQ.
        "System.Collections.IEnumerable", "System.Collections.IEnumerator",
        "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.IEnumerator`1",
        "System.Collections.Generic.IReadOnlyList`1", "System.Collections.Generic.IReadOnlyCollection`1",
        "System.Collections.Generic.IReadOnlyDictionary`2", "System.Collections.Generic.IReadOnlySet`1",
        "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IList`1",
        "System.Collections.Generic.IDictionary`2", "System.Collections.Generic.ISet`1",
        "System.Collections.Generic.List`1", "System.Collections.Generic.Dictionary`2", "System.Collections.Generic.HashSet`1",
        "System.Collections.Generic.SortedSet`1", "System.Collections.Generic.SortedDictionary`2",
        "System.Collections.Generic.Queue`1", "System.Collections.Generic.Stack`1",
        "System.Collections.Generic.KeyValuePair`2", "System.Collections.Generic.KeyValuePair",
        "System.Collections.Generic.EqualityComparer`1", "System.Collections.Generic.Comparer`1",
        "System.Collections.Generic.IEqualityComparer`1", "System.Collections.Generic.IComparer`1",
        "System.Collections.Generic.CollectionExtensions", "System.Collections.Generic.KeyNotFoundException",
        "System.Linq.Enumerable", "System.Linq.IGrouping`2", "System.Linq.ILookup`2", "System.Linq.IOrderedEnumerable`1",
        // Text.
        "System.Text.StringBuilder", "System.Text.RegularExpressions.Regex", "System.Text.RegularExpressions.RegexOptions",
        "System.Text.RegularExpressions.Match", "System.Text.RegularExpressions.MatchCollection",
        "System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.GroupCollection",
        "System.Text.RegularExpressions.Capture", "System.Text.RegularExpressions.CaptureCollection",
        "System.Globalization.CultureInfo", "System.Globalization.NumberStyles", "System.Globalization.DateTimeStyles",
        "System.Globalization.CompareOptions",
        // The globals.
        "CrmKit.Scripting.CustomerView", "CrmKit.Scripting.ScriptParameters", "CrmKit.Scripting.CareProposals",
        "CrmKit.Scripting.CarePriority", "CrmKit.CustomerStats", "CrmKit.ContactPoint",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Members of allowed types that scripts still may not use, with the reason.</summary>
    private static readonly FrozenDictionary<string, string> DeniedMembers = new Dictionary<string, string>
    {
        ["System.Object.GetType"] = "it leads to reflection",
        ["System.Object.MemberwiseClone"] = "it leads to reflection",
        ["System.String.Intern"] = "an interned string outlives the evaluation and is shared with the host and later evaluations",
        ["System.String.IsInterned"] = "it reads strings that earlier evaluations and the host interned",
        ["System.DateTime.Now"] = "scripts read the time from Now, which the host controls",
        ["System.DateTime.UtcNow"] = "scripts read the time from Now, which the host controls",
        ["System.DateTime.Today"] = "scripts read the time from Now, which the host controls",
        ["System.DateTimeOffset.Now"] = "scripts read the time from Now, which the host controls",
        ["System.DateTimeOffset.UtcNow"] = "scripts read the time from Now, which the host controls",
        ["System.Linq.Enumerable.Range"] = "it can produce unbounded work without a loop; write a for loop, which is budgeted",
        ["System.Linq.Enumerable.Repeat"] = "it can produce unbounded work without a loop; write a for loop, which is budgeted",
        ["System.Linq.Enumerable.Sequence"] = "it can produce unbounded work without a loop; write a for loop, which is budgeted",
        ["System.Linq.Enumerable.InfiniteSequence"] = "it can produce unbounded work without a loop; write a for loop, which is budgeted",
        ["System.Linq.Enumerable.AsParallel"] = "scripts run on one thread",
        ["System.Globalization.CultureInfo.CurrentCulture"] = "it is shared with the host; use CultureInfo.InvariantCulture",
        ["System.Globalization.CultureInfo.CurrentUICulture"] = "it is shared with the host; use CultureInfo.InvariantCulture",
        ["System.Globalization.CultureInfo.DefaultThreadCurrentCulture"] = "it is shared with the host",
        ["System.Globalization.CultureInfo.DefaultThreadCurrentUICulture"] = "it is shared with the host",
        ["System.Globalization.CultureInfo.ClearCachedData"] = "it is shared with the host",
        ["System.Globalization.CultureInfo.NumberFormat"] = "it can change a shared culture",
        ["System.Globalization.CultureInfo.DateTimeFormat"] = "it can change a shared culture",
        ["System.Text.RegularExpressions.Regex.CacheSize"] = "it is shared with the host",
        ["System.Text.RegularExpressions.Regex.CompileToAssembly"] = "it writes an assembly",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Namespaces whose types are off limits, with what they give access to.</summary>
    private static readonly (string Namespace, string What)[] DeniedNamespaces =
    [
        ("System.IO", "the file system"), ("System.Net", "the network"), ("System.Diagnostics", "processes and debugging"),
        ("System.Reflection", "reflection"), ("System.Runtime", "runtime internals and interop"),
        ("System.Threading", "threads"), ("System.Security", "security settings"), ("Microsoft.Win32", "the registry"),
        ("System.Linq.Expressions", "code generation"), ("System.Resources", "resources"), ("Microsoft.CodeAnalysis", "the compiler"),
    ];

    private static readonly FrozenDictionary<string, string> DeniedTypes = new Dictionary<string, string>
    {
        ["System.Environment"] = "the process environment", ["System.AppDomain"] = "the process", ["System.AppContext"] = "the process",
        ["System.Activator"] = "reflection", ["System.GC"] = "the garbage collector", ["System.Console"] = "the console",
        ["System.Type"] = "reflection", ["System.Delegate"] = "reflection", ["System.MulticastDelegate"] = "reflection",
        ["System.Random"] = "randomness (scripts must be deterministic)", ["System.TimeZoneInfo"] = "the machine's time zone files; use Customer.LocalTime",
        ["System.TimeProvider"] = "the host's clock; use Now", ["System.IntPtr"] = "native memory", ["System.UIntPtr"] = "native memory",
        ["System.TypedReference"] = "unsafe memory", ["System.ArgIterator"] = "unsafe memory",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The full metadata name of a type's definition, such as <c>System.Collections.Generic.List`1</c>.</summary>
    internal static string FullName(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        if (definition.ContainingType is { } outer) return FullName(outer) + "+" + definition.MetadataName;
        var ns = definition.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? definition.MetadataName : ns.ToDisplayString() + "." + definition.MetadataName;
    }

    /// <summary>Null when the named type (ignoring its type arguments) is allowed; otherwise why not.</summary>
    internal static string? WhyNotType(INamedTypeSymbol type)
    {
        if (type.ContainingType is { } outer) return WhyNotType(outer);
        var name = FullName(type);
        if (Types.Contains(name)) return null;
        if (DeniedTypes.TryGetValue(name, out var what)) return $"it gives access to {what}";
        foreach (var (ns, nsWhat) in DeniedNamespaces)
            if (name.StartsWith(ns + ".", StringComparison.Ordinal))
                return $"the {ns} namespace gives access to {nsWhat}";
        return "it is not on the scripts' allow-list";
    }

    /// <summary>Null when the member may be used; otherwise why not.</summary>
    internal static string? WhyNotMember(ISymbol member)
    {
        var definition = member.OriginalDefinition;
        if (definition.ContainingType is not { } type) return null;
        return DeniedMembers.TryGetValue(FullName(type) + "." + definition.Name, out var why) ? why : null;
    }
}
