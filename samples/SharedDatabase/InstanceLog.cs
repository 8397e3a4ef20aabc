using Microsoft.Extensions.Logging;

namespace CrmKit.Samples;

/// <summary>Prints what the job scheduler of one application instance logs, prefixed with the instance's name.</summary>
internal sealed class InstanceLog(string instance) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(instance, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string instance, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && category.StartsWith("CrmKit.Hosting.Scheduling", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) Console.WriteLine($"   [{instance}] {formatter(state, exception)}");
        }
    }
}
