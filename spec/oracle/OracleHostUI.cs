using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Internal;
using System.Security;
using System.Text;

namespace SyncShell.Oracle;

// Records, in order, everything the engine writes to the terminal. The prefixes for warning/verbose/debug
// lines are the ones pwsh's ConsoleHost adds (the engine hands the host the bare message).
internal sealed class OracleHostUI : PSHostUserInterface, IHostUISupportsMultipleChoiceSelection
{
    private readonly OracleRawUI _raw;
    public readonly StringBuilder Text = new();
    // The part of Text written through WriteErrorLine: what pwsh sends to stderr when it is redirected.
    public readonly StringBuilder ErrorText = new();

    public OracleHostUI(int width) { _raw = new OracleRawUI(width); }

    public override PSHostRawUserInterface RawUI => _raw;
    public override bool SupportsVirtualTerminal => false;

    // The formatter always decorates (table headers, error views) and leaves it to the host to drop the
    // escape sequences; pwsh's ConsoleHost does so under $PSStyle.OutputRendering = 'PlainText'.
    private static string Plain(string? s) =>
        string.IsNullOrEmpty(s) ? "" : s.IndexOf('\u001b') < 0 ? s : new StringDecorated(s).ToString(OutputRendering.PlainText);

    public override void Write(string value) => Text.Append(Plain(value));
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Text.Append(Plain(value));
    public override void WriteLine(string value) => Text.Append(Plain(value)).Append('\n');
    public override void WriteLine() => Text.Append('\n');
    public override void WriteErrorLine(string value)
    {
        var line = Plain(value) + "\n";
        Text.Append(line);
        ErrorText.Append(line);
    }
    public override void WriteWarningLine(string message) => Text.Append("WARNING: ").Append(Plain(message)).Append('\n');
    public override void WriteVerboseLine(string message) => Text.Append("VERBOSE: ").Append(Plain(message)).Append('\n');
    public override void WriteDebugLine(string message) => Text.Append("DEBUG: ").Append(Plain(message)).Append('\n');
    public override void WriteProgress(long sourceId, ProgressRecord record) { }
    public override void WriteInformation(InformationRecord record) { }

    // Snippets run as under `pwsh -NonInteractive`: any prompt is an error, with ConsoleHost's text.
    private static Exception NonInteractive() =>
        new PSInvalidOperationException("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.");

    public override string ReadLine() => throw NonInteractive();
    public override SecureString ReadLineAsSecureString() => throw NonInteractive();
    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw NonInteractive();
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw NonInteractive();
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw NonInteractive();
    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw NonInteractive();
    public Collection<int> PromptForChoice(string? caption, string? message, Collection<ChoiceDescription> choices, IEnumerable<int>? defaultChoices) => throw NonInteractive();
}
