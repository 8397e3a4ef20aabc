namespace CrmKit.Scripting;

/// <summary>
/// Checks that run on the raw text before the parser sees it, in time proportional to its length:
/// the length, and how deeply brackets nest (deep nesting is what overflows a recursive parser).
/// Brackets inside string and character literals and comments do not count.
/// </summary>
internal static class SourceLimits
{
    /// <summary>The deepest nesting of <c>( [ {</c> accepted.</summary>
    internal const int MaxNesting = 64;

    /// <summary>The most operators one statement may have (a long chain costs the compiler and the sandbox dearly).</summary>
    internal const int MaxOperators = 2_000;

    /// <summary>Null when the source is within the limits; otherwise the diagnostic that rejects it.</summary>
    internal static ScriptDiagnostic? Check(string source, string path)
    {
        if (source.Length > ScriptEngine.MaxSourceLength)
            return new ScriptDiagnostic(path, 1, 1, ScriptSeverity.Error, SandboxRule.Complexity,
                $"The script is too long: a script may have at most {ScriptEngine.MaxSourceLength:N0} characters.");
        var depth = 0;
        var operators = 0;
        var line = 1;
        var column = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            column++;
            switch (c)
            {
                case '\n':
                    line++;
                    column = 0;
                    break;
                case '(' or '[' or '{':
                    if (++depth > MaxNesting)
                        return new ScriptDiagnostic(path, line, column, ScriptSeverity.Error, SandboxRule.Complexity,
                            $"The script is too complex: brackets nest more than {MaxNesting} deep here.");
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    if (c == '}') operators = 0;
                    break;
                case ';':
                    operators = 0;
                    break;
                case '+' or '-' or '*' or '%' or '&' or '|' or '^' or '<' or '>':
                    if (++operators > MaxOperators)
                        return new ScriptDiagnostic(path, line, column, ScriptSeverity.Error, SandboxRule.Complexity,
                            $"The script is too complex: one statement has more than {MaxOperators:N0} operators here.");
                    break;
                case '/' when i + 1 < source.Length && source[i + 1] == '/':
                    while (i + 1 < source.Length && source[i + 1] != '\n') i++;
                    break;
                case '/' when i + 1 < source.Length && source[i + 1] == '*':
                    i += 2;
                    while (i + 1 < source.Length && !(source[i] == '*' && source[i + 1] == '/'))
                    {
                        if (source[i] == '\n') { line++; column = 0; }
                        i++;
                    }
                    i++;
                    break;
                case '"' or '\'':
                    // Verbatim and raw strings may hold anything up to their end; skipping to the
                    // matching quote is close enough for counting brackets.
                    var verbatim = i > 0 && source[i - 1] == '@';
                    i++;
                    while (i < source.Length && source[i] != c)
                    {
                        if (source[i] == '\\' && !verbatim) i++;
                        else if (source[i] == '\n') { line++; column = 0; }
                        i++;
                    }
                    break;
            }
        }
        return null;
    }
}
