namespace ContractCheck.Core.Rules;

/// <summary>
/// <c>auth.command</c>: a command run once on this machine (through <c>/bin/sh -c</c>, or <c>cmd /c</c> on Windows)
/// whose standard output, trimmed, is the token — for SSO tools that print one. Bounded by <see cref="Timeout"/>.
/// </summary>
public sealed record CommandSettings(string Run, TimeSpan Timeout, SourceLocation Location) : TokenSource(Location)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public override string Key => "command";

    public override bool Renewable => false;
}
