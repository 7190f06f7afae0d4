using BenchmarkDotNet.Running;
using ContractCheck.Bench;

// dotnet run -c Release --project bench/ContractCheck.Bench -- spec-load      (BenchmarkDotNet timings)
// dotnet run -c Release --project bench/ContractCheck.Bench -- peak <library|contractcheck> <spec>
// dotnet run -c Release --project bench/ContractCheck.Bench -- serve <port> <seconds> | burst <url> <requests> <concurrency>
// dotnet run -c Release --project bench/ContractCheck.Bench -- stages <spec>   (where load and plan time goes, per probe kind)
// dotnet run -c Release --project bench/ContractCheck.Bench -- serve-any <port> <seconds> [delay-ms]   (200 {} to everything)
if (args.Length >= 1 && args[0] == "peak")
{
    return PeakMemory.Run(args[1], args[2]);
}

if (args.Length >= 1 && args[0] == "stages")
{
    return Stages.Run(args[1]);
}

if (args.Length >= 1 && args[0] == "serve")
{
    return await BurstBench.ServeAsync(int.Parse(args[1]), int.Parse(args[2]));
}

if (args.Length >= 1 && args[0] == "serve-any")
{
    return await AnyServer.ServeAsync(int.Parse(args[1]), int.Parse(args[2]), args.Length > 3 ? int.Parse(args[3]) : 0);
}

if (args.Length >= 1 && args[0] == "burst")
{
    return await BurstBench.BurstAsync(new Uri(args[1]), int.Parse(args[2]), int.Parse(args[3]));
}

BenchmarkSwitcher.FromAssembly(typeof(SpecLoadBenchmark).Assembly).Run(args);
return 0;
