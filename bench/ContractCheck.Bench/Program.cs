using BenchmarkDotNet.Running;
using ContractCheck.Bench;

// dotnet run -c Release --project bench/ContractCheck.Bench -- spec-load      (BenchmarkDotNet timings)
// dotnet run -c Release --project bench/ContractCheck.Bench -- peak <library|contractcheck> <spec>
if (args.Length >= 1 && args[0] == "peak")
{
    return PeakMemory.Run(args[1], args[2]);
}

BenchmarkSwitcher.FromAssembly(typeof(SpecLoadBenchmark).Assembly).Run(args);
return 0;
