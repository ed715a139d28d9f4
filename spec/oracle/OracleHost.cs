using System.Globalization;
using System.Management.Automation.Host;

namespace SyncShell.Oracle;

internal sealed class OracleHost : PSHost
{
    private readonly Guid _id = Guid.NewGuid();
    public readonly OracleHostUI OracleUI;
    public int? ExitCode;

    public OracleHost(int width) { OracleUI = new OracleHostUI(width); }

    public override CultureInfo CurrentCulture => Program.Culture;
    public override CultureInfo CurrentUICulture => Program.Culture;
    public override Guid InstanceId => _id;
    // "ConsoleHost" so scripts that inspect $Host.Name see what they would in pwsh.
    public override string Name => "ConsoleHost";
    public override PSHostUserInterface UI => OracleUI;
    public override Version Version => new(7, 6, 0);
    public override void EnterNestedPrompt() => throw new NotSupportedException("nested prompt");
    public override void ExitNestedPrompt() => throw new NotSupportedException("nested prompt");
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) { ExitCode = exitCode; }
}
