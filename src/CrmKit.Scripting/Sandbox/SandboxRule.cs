namespace CrmKit.Scripting;

/// <summary>The sandbox's rejection codes. Each is documented in docs/scripting.md.</summary>
internal static class SandboxRule
{
    /// <summary>The script closes the generated method to declare members of its own.</summary>
    internal const string Shape = "CRM0000";

    /// <summary>A type or namespace outside the allow-list.</summary>
    internal const string Type = "CRM0001";

    /// <summary>A member of an allowed type that is still off limits, or a write to shared static state.</summary>
    internal const string Member = "CRM0002";

    /// <summary><c>dynamic</c>.</summary>
    internal const string Dynamic = "CRM0003";

    /// <summary>Unsafe code, pointers, <c>stackalloc</c>, <c>fixed</c>, <c>__arglist</c> and friends.</summary>
    internal const string Unsafe = "CRM0004";

    /// <summary>Attributes, <c>extern</c> and platform invoke.</summary>
    internal const string Interop = "CRM0005";

    /// <summary>Preprocessor directives such as <c>#r</c>, <c>#load</c>, <c>#line</c>, <c>#pragma</c>.</summary>
    internal const string Directive = "CRM0006";

    /// <summary><c>goto</c> and labels.</summary>
    internal const string Goto = "CRM0007";

    /// <summary>Recursion through local functions or self-referencing lambdas.</summary>
    internal const string Recursion = "CRM0008";

    /// <summary><c>typeof</c> and other ways to reach reflection.</summary>
    internal const string Reflection = "CRM0009";

    /// <summary><c>try</c>/<c>catch</c>/<c>finally</c> and <c>lock</c>.</summary>
    internal const string Control = "CRM0010";

    /// <summary><c>async</c> and <c>await</c>.</summary>
    internal const string Async = "CRM0011";

    /// <summary>A regular expression without a match timeout.</summary>
    internal const string RegexTimeout = "CRM0012";

    /// <summary>A lazy LINQ operator used where its result cannot be metered: as a method group, or after <c>?.</c>.</summary>
    internal const string LazyOperator = "CRM0013";

    /// <summary>
    /// The script is too large or too complex: too long, nested too deeply, or its compilation ran
    /// past the compiling worker's time, memory or stack.
    /// </summary>
    internal const string Complexity = "CRM0014";

    /// <summary>A cast or type test to a mutable collection, which could change the host's data behind a read-only view.</summary>
    internal const string Mutation = "CRM0015";

    /// <summary>Something whose answer differs from run to run or process to process, such as a string's hash code.</summary>
    internal const string Determinism = "CRM0016";

    /// <summary>A script file that is not valid UTF-8 (or UTF-16 with its byte-order mark).</summary>
    internal const string Encoding = "CRM0017";
}
