using System.Text;

namespace CrmKit.Cli.Tests.Import;

public class ImportEncodingTests
{
    static ImportEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Rows = "code,name,tags\nB-1,王芳,存款\nB-2,陳大文,貸款;信用卡\n";

    private static string Write(CliSession session, string name, byte[] bytes)
    {
        var path = Path.Combine(session.Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData("gb18030")]
    [InlineData("gbk")]
    [InlineData("big5")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void A_named_encoding_reads_Chinese_names(string encoding)
    {
        using var session = new CliSession().Init();
        var file = Write(session, "customers.csv", Encoding.GetEncoding(encoding).GetBytes(Rows));

        var (exit, output, error) = session.Crm("import", "customers", file, "--encoding", encoding);

        Assert.True(exit == 0, output + error);
        using var crm = session.Open();
        Assert.Equal("王芳", crm.Customers.Get("B-1").Name);
        Assert.Equal("陳大文", crm.Customers.Get("B-2").Name);
        Assert.Equal(["信用卡", "貸款"], crm.Customers.Get("B-2").Tags.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-8")]
    public void A_byte_order_mark_names_the_encoding(string encoding)
    {
        using var session = new CliSession().Init();
        var text = Encoding.GetEncoding(encoding);
        var file = Write(session, "customers.csv", [.. text.GetPreamble(), .. text.GetBytes(Rows)]);

        var (exit, output, error) = session.Crm("import", "customers", file);

        Assert.True(exit == 0, output + error);
        using var crm = session.Open();
        Assert.Equal("王芳", crm.Customers.Get("B-1").Name);
    }

    [Fact]
    public void A_GBK_file_read_as_UTF8_is_refused_with_line_and_column_and_nothing_is_written()
    {
        using var session = new CliSession().Init();
        var file = Write(session, "customers.csv", Encoding.GetEncoding("gbk").GetBytes(Rows));

        var (exit, _, error) = session.Crm("import", "customers", file);

        Assert.Equal(1, exit);
        // "B-1," is four characters, so the first GBK byte is in column 5 of line 2.
        Assert.Contains("customers.csv(line 2, column 5): error: byte(s) 0x", error);
        Assert.Contains("--encoding", error);
        using var crm = session.Open();
        Assert.Equal(0, crm.Customers.Count());
    }

    [Fact]
    public void Invalid_UTF8_is_refused_where_it_is()
    {
        using var session = new CliSession().Init();
        var good = Encoding.UTF8.GetBytes("code,name\nA-1,Ann\nA-2,Bé");
        var file = Write(session, "customers.csv", [.. good, 0xFF, 0xFE, .. "e\n"u8.ToArray()]);

        var (exit, _, error) = session.Crm("import", "customers", file);

        Assert.Equal(1, exit);
        Assert.Contains("customers.csv(line 3, column 7): error: byte(s) 0xFF", error);
    }

    [Fact]
    public void An_unknown_encoding_is_a_usage_error()
    {
        using var session = new CliSession().Init();
        var file = session.File("customers.csv", Rows);

        var (exit, _, error) = session.Crm("import", "customers", file, "--encoding", "klingon-8");

        Assert.Equal(2, exit);
        Assert.Contains("'klingon-8' is not an encoding", error);
    }

    [Fact]
    public void A_mark_that_contradicts_the_named_encoding_is_refused()
    {
        using var session = new CliSession().Init();
        var text = Encoding.Unicode;
        var file = Write(session, "customers.csv", [.. text.GetPreamble(), .. text.GetBytes(Rows)]);

        var (exit, _, error) = session.Crm("import", "customers", file, "--encoding", "gbk");

        Assert.Equal(1, exit);
        Assert.Contains("byte-order mark", error);
    }
}
