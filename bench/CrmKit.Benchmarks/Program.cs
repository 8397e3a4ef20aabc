using BenchmarkDotNet.Running;
using CrmKit.Benchmarks.PostgreSql;

if (args is [AppendWorker.Command, ..]) return AppendWorker.Run(args);
if (args is ["scale", ..]) return CrmKit.Benchmarks.Scale.ScaleRun.Start(args);
if (args is ["scale-step", var store, var step, var folder, var size, ..]) return CrmKit.Benchmarks.Scale.ScaleStep.Run(store, step, folder, int.Parse(size, System.Globalization.CultureInfo.InvariantCulture));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
