using Spectre.Console;

namespace ContractCheck.Tests;

/// <summary>A Spectre console that writes plain text (no colour, wide lines) to a string, for asserting on reports.</summary>
public sealed class TextConsole
{
    private readonly StringWriter _writer = new();

    public TextConsole()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_writer),
        });
        Console.Profile.Width = 4096;
    }

    public IAnsiConsole Console { get; }

    public string Text => _writer.ToString();
}
