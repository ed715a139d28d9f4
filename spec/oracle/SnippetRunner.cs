using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace SyncShell.Oracle;

internal sealed record SnippetError(string Message, string Fqid, string Category);
internal sealed record SnippetResult(string Output, List<SnippetError> Errors, bool HadErrors, int? ExitCode, bool TimedOut);

// Runs one snippet the way pwsh's ConsoleHost runs a command line: the script with its error stream
// merged into its output, piped to Out-Default; a terminating error is then shown by piping its
// ErrorRecord (tagged writeErrorStream) to Out-Default, as ConsoleHost.ReportException does.
internal sealed class SnippetRunner
{
    private readonly InitialSessionState _iss;
    private readonly int _width;
    private readonly TimeSpan _timeout;

    public SnippetRunner(int width, TimeSpan timeout)
    {
        _width = width;
        _timeout = timeout;
        _iss = InitialSessionState.CreateDefault2();
        _iss.Commands.Add(new SessionStateCmdletEntry("Watch-OracleErrorTap", typeof(ErrorTapCommand), null));
        PSStyle.Instance.OutputRendering = OutputRendering.PlainText;
    }

    public SnippetResult Run(string script)
    {
        var host = new OracleHost(_width);
        var records = new List<ErrorRecord>();
        ErrorTapCommand.Sink = records;
        using var rs = RunspaceFactory.CreateRunspace(host, _iss);
        rs.Open();
        bool hadErrors = false, timedOut = false;
        using (var ps = PowerShell.Create())
        {
            ps.Runspace = rs;
            ps.AddScript(script);
            ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
            ps.Commands.AddCommand(new Command("Watch-OracleErrorTap", false, true));
            ps.Commands.AddCommand(new Command("Out-Default", false, true));
            ErrorRecord? terminating = null;
            try
            {
                var handle = ps.BeginInvoke();
                if (!handle.AsyncWaitHandle.WaitOne(_timeout))
                {
                    timedOut = true;
                    ps.Stop();
                }
                ps.EndInvoke(handle);
                hadErrors = ps.HadErrors;
            }
            catch (RuntimeException e) when (!timedOut)
            {
                if (Environment.GetEnvironmentVariable("ORACLE_DEBUG") == "1")
                    Console.Error.WriteLine($"oracle: terminating {e.GetType().FullName}; record exception {e.ErrorRecord.Exception?.GetType().FullName}; inv {(e.ErrorRecord.InvocationInfo is null ? "null" : e.ErrorRecord.InvocationInfo.PositionMessage)}");
                terminating = e.ErrorRecord;
                hadErrors = true;
            }
            catch (Exception e) when (!timedOut)
            {
                terminating = new ErrorRecord(e, "ConsoleHost.ReportException", ErrorCategory.NotSpecified, null);
                hadErrors = true;
            }
            catch (PipelineStoppedException) { }
            if (terminating is not null) Report(rs, terminating);
        }
        ErrorTapCommand.Sink = null;
        var errors = records.Select(r => new SnippetError(
            r.ToString(),
            r.FullyQualifiedErrorId ?? "",
            r.CategoryInfo.Category.ToString())).ToList();
        return new SnippetResult(host.OracleUI.Text.ToString(), errors, hadErrors || errors.Count > 0, host.ExitCode, timedOut);
    }

    private static void Report(Runspace rs, ErrorRecord record)
    {
        var wrapped = new PSObject(record);
        wrapped.Properties.Add(new PSNoteProperty("writeErrorStream", true));
        using var ps = PowerShell.Create();
        ps.Runspace = rs;
        ps.Commands.AddCommand(new Command("Watch-OracleErrorTap", false, true));
        ps.Commands.AddCommand(new Command("Out-Default", false, true));
        try { ps.Invoke(new[] { wrapped }); }
        catch (Exception e) { Console.Error.WriteLine($"oracle: could not display error: {e.Message}"); }
    }
}
