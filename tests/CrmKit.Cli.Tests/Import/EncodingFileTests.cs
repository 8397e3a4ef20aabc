namespace CrmKit.Cli.Tests.Import;

/// <summary>Customer files written by another encoder (GNU iconv) in each encoding a Chinese-speaking user is likely to have.</summary>
public class EncodingFileTests
{
    private static string Input(string name) => Path.Combine(AppContext.BaseDirectory, "Import", "Encodings", name);

    [Theory]
    [InlineData("customers.gbk.csv", "gbk")]
    [InlineData("customers.gbk.csv", "GB18030")]
    [InlineData("customers.gb18030.csv", "gb18030")]
    [InlineData("customers.big5.csv", "big5")]
    [InlineData("customers.utf16le.csv", "utf-16")]
    [InlineData("customers.utf16le-bom.csv", null)]
    [InlineData("customers.utf16be-bom.csv", null)]
    [InlineData("customers.utf16le-bom.csv", "utf-16")]
    [InlineData("customers.utf8-bom.csv", null)]
    public void A_file_in_its_encoding_imports_every_Chinese_name(string file, string? encoding)
    {
        using var session = new CliSession().Init();
        string[] args = encoding is null ? ["import", "customers", Input(file)] : ["import", "customers", Input(file), "--encoding", encoding];

        var (exit, output, error) = session.Crm(args);

        Assert.True(exit == 0, output + error);
        using var crm = session.Open();
        Assert.Equal(["王芳", "陳大文", "李偉"], crm.Customers.All(PageRequest.First).Items.Select(c => c.Name));
        Assert.Equal(["信用卡", "貸款"], crm.Customers.Get("B-2").Tags);
        Assert.DoesNotContain(crm.Customers.All(PageRequest.First).Items, c => c.Name.Contains('\uFFFD', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("customers.gbk.csv", null, "(line 2, column 5): error: byte(s) 0x")]
    [InlineData("customers.big5.csv", null, "(line 2, column 5): error: byte(s) 0x")]
    [InlineData("broken.gbk.csv", "gbk", "(line 3, column 5): error: byte(s) 0xB7 0x0D are not valid gbk.")]
    [InlineData("broken.utf8.csv", null, "(line 3, column 7): error: byte(s) 0xFF")]
    public void Bytes_the_encoding_does_not_allow_are_refused_where_they_are_and_nothing_is_imported(string file, string? encoding, string expected)
    {
        using var session = new CliSession().Init();
        string[] args = encoding is null ? ["import", "customers", Input(file)] : ["import", "customers", Input(file), "--encoding", encoding];

        var (exit, _, error) = session.Crm(args);

        Assert.Equal(1, exit);
        Assert.Contains(file + expected, error);
        using var crm = session.Open();
        Assert.Equal(0, crm.Customers.Count());
    }
}
