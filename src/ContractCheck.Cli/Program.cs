using ContractCheck.Cli;

using var cancel = new CancellationTokenSource();
// The first Ctrl-C stops the run gracefully (clean-up, partial report, exit 130); a second one ends it at once.
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
{
    c.Cancel = true;
    cancel.Cancel();
});

return await CliApp.RunAsync(args, Output.ForProcess(), cancel.Token);
