namespace CrmKit.Cli;

/// <summary>Turns one CSV row into the record an import writes, or adds what is wrong with it to the problems.</summary>
/// <typeparam name="T">The record written: a customer or an interaction.</typeparam>
internal interface IRowConverter<out T> where T : class
{
    /// <summary>The record, or null after adding at least one problem naming the row's line.</summary>
    T? Convert(SourceRow row, List<ImportProblem> problems);
}
