using System.Management.Automation;

namespace SyncShell.Oracle;

// Sits between the snippet and Out-Default and passes every object through unchanged; the
// ErrorRecords the engine merged into the output stream (the ones the terminal will show)
// are noted on the way, in the order they are displayed.
[Cmdlet(VerbsCommon.Watch, "OracleErrorTap")]
public sealed class ErrorTapCommand : PSCmdlet
{
    internal static List<ErrorRecord>? Sink;

    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    protected override void ProcessRecord()
    {
        if (InputObject is null) { WriteObject(InputObject); return; }
        if (InputObject.BaseObject is ErrorRecord er && WriteStreamTag.IsError(InputObject))
            Sink?.Add(er);
        WriteObject(InputObject);
    }
}
