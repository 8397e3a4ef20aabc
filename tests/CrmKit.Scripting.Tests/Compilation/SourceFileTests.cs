using System.Text;

namespace CrmKit.Scripting.Tests.Compilation;

/// <summary>
/// Script files are read as UTF-8 (or UTF-16 after its byte-order mark), strictly: bytes from
/// another encoding reject the file with the line and column instead of becoming replacement
/// characters that a comparison would silently never match.
/// </summary>
public sealed class SourceFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crmkit-source-").FullName;

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".csx");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_name_written_in_gbk_is_refused_at_its_line_and_column(bool byteOrderMark)
    {
        // "客户" in GBK is BF CD BB A7, which is not UTF-8.
        byte[] mark = byteOrderMark ? [0xEF, 0xBB, 0xBF] : [];
        var path = Write([.. mark, .. "var x = 1;\nreturn Customer.Name == \""u8, 0xBF, 0xCD, 0xBB, 0xA7, .. "\";\n"u8]);

        var refused = Assert.Throws<ScriptCompilationException>(() => ScriptEngine.ReadSource(path));

        var diagnostic = Assert.Single(refused.Diagnostics);
        Assert.Equal((2, 26, "CRM0017"), (diagnostic.Line, diagnostic.Column, diagnostic.Code));
        Assert.Contains("not valid UTF-8: the byte 0xBF", diagnostic.Message);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Chinese_text_reads_back_in_every_encoding_a_script_may_be_in(string encoding)
    {
        const string Source = "return Customer.Name == \"客户 𠀀\";";
        byte[] bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(Source),
            "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Source)],
            "utf-16le" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Source)],
            _ => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Source)],
        };

        Assert.Equal(Source, ScriptEngine.ReadSource(Write(bytes)));
    }

    [Fact]
    public void A_file_too_long_is_cut_one_character_past_the_limit_even_inside_a_character()
    {
        // Three-byte characters all the way: the read stops inside one, which is held back, not refused.
        var path = Write(Encoding.UTF8.GetBytes(new string('客', ScriptEngine.MaxSourceLength + 10_000)));

        var source = ScriptEngine.ReadSource(path);

        Assert.Equal(ScriptEngine.MaxSourceLength + 1, source.Length);
        Assert.All(source, c => Assert.Equal('客', c));
    }

    [Fact]
    public void A_lone_surrogate_in_utf16_is_refused()
    {
        var path = Write([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("return true;"), 0x00, 0xD8, .. Encoding.Unicode.GetBytes(" \n")]);

        var diagnostic = Assert.Single(Assert.Throws<ScriptCompilationException>(() => ScriptEngine.ReadSource(path)).Diagnostics);

        Assert.Equal((1, 13, "CRM0017"), (diagnostic.Line, diagnostic.Column, diagnostic.Code));
        Assert.Contains("not valid UTF-16: the unpaired surrogate U+D800", diagnostic.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
