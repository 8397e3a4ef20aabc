using BenchmarkDotNet.Running;
using CrmKit.Benchmarks.PostgreSql;

if (args is [AppendWorker.Command, ..]) return AppendWorker.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
