using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;

namespace SyncShell.Oracle;

internal sealed record SnippetError(string Message, string Fqid, string Category);
internal sealed record SnippetResult(string Output, string ErrorOutput, List<SnippetError> Errors, bool HadErrors, int? ExitCode, bool TimedOut);

// Runs one snippet the way pwsh's ConsoleHost Executor runs a command line (-Command or one prompt
// line): Runspace.CreatePipeline(script), the script's error stream merged into its output, then
// Out-Default(useLocalScope, mergeUnclaimedPreviousErrorResults). A terminating error is shown the
// way ConsoleHost.ReportException does it: its ErrorRecord, tagged for the error stream, into Out-Default.
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

    // A ParseException's message embeds "At line:N char:M" and the source line when the script has
    // several lines; the record's message proper is the first ParseError's text.
    private string MessageOf(ErrorRecord r)
    {
        var ex = r.Exception is ParentContainsErrorRecordException ? r.Exception.InnerException ?? r.Exception : r.Exception;
        if (r.CategoryInfo.Category == ErrorCategory.ParserError && r.ErrorDetails is null)
        {
            if (ex is ParseException pe && pe.Errors is { Length: > 0 }) return pe.Errors[0].Message;
            if (_lastParse is { Length: > 0 } && r.FullyQualifiedErrorId == _lastParse[0].ErrorId) return _lastParse[0].Message;
        }
        return r.ToString();
    }

    // The snippet's own parse errors, for records whose exception no longer carries them.
    private ParseError[]? _lastParse;

    private static Command Tap() => MergingCommand("Watch-OracleErrorTap");
    private static Command OutDefault() => MergingCommand("Out-Default");

    // ConsoleHost builds Out-Default with the internal constructor's mergeUnclaimedPreviousErrorResults: true.
    private static readonly System.Reflection.ConstructorInfo? MergingCtor = typeof(Command).GetConstructor(
        System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public,
        null, new[] { typeof(string), typeof(bool), typeof(bool), typeof(bool) }, null);

    private static Command MergingCommand(string name) =>
        MergingCtor is not null
            ? (Command)MergingCtor.Invoke(new object[] { name, false, true, true })
            : new Command(name, false, true);

    private string _lastScript = "";
    private OracleHost? _host;

    public SnippetResult Run(string script)
    {
        _lastScript = script;
        Parser.ParseInput(script, out _, out _lastParse);
        var host = _host = new OracleHost(_width);
        var records = new List<ErrorRecord>();
        ErrorTapCommand.Sink = records;
        using var rs = RunspaceFactory.CreateRunspace(host, _iss);
        rs.Open();
        bool hadErrors = false, timedOut = false;
        Exception? thrown = null;
        try
        {
            using var pipeline = rs.CreatePipeline(script, false);
            pipeline.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
            pipeline.Commands.Add(Tap());
            pipeline.Commands.Add(OutDefault());
            using var done = new ManualResetEventSlim();
            pipeline.StateChanged += (_, e) =>
            {
                if (e.PipelineStateInfo.State is PipelineState.Completed or PipelineState.Failed or PipelineState.Stopped) done.Set();
            };
            pipeline.InvokeAsync();
            pipeline.Input.Close();
            if (!done.Wait(_timeout))
            {
                timedOut = true;
                pipeline.Stop();
            }
            var info = pipeline.PipelineStateInfo;
            if (info.State == PipelineState.Failed && info.Reason is not null && !timedOut) thrown = info.Reason;
            hadErrors = pipeline.HadErrors;
        }
        catch (Exception e) when (!timedOut)
        {
            thrown = e;
        }
        if (thrown is not null)
        {
            hadErrors = true;
            if (thrown is not ExitException) Report(rs, thrown, records);
        }
        ErrorTapCommand.Sink = null;
        var errors = records.Select(r => new SnippetError(
            MessageOf(r),
            r.FullyQualifiedErrorId ?? "",
            r.CategoryInfo.Category.ToString())).ToList();
        return new SnippetResult(host.OracleUI.Text.ToString(), host.OracleUI.ErrorText.ToString(), errors, hadErrors || errors.Count > 0, host.ExitCode, timedOut);
    }

    // The record is what the terminal is told about; the rendering is the engine's own ConciseView of it.
    // A ParseException thrown while the pipeline is being built carries no InvocationInfo, and the
    // ConciseView then prints only an empty line; pwsh users see the "ParserError: / Line |" view, which is
    // what the engine renders for the same text once the error has passed through the engine
    // ([scriptblock]::Create in the same runspace), so that rendering is shown instead.
    private void Report(Runspace rs, Exception e, List<ErrorRecord> records)
    {
        var record = e is IContainsErrorRecord icer
            ? icer.ErrorRecord
            : new ErrorRecord(e, "ConsoleHost.ReportException", ErrorCategory.NotSpecified, null);
        records.Add(record);
        var shown = record;
        if (e is ParseException && record.InvocationInfo is null && ParseRecordFor(rs, _lastScript) is { } withPosition)
            shown = withPosition;
        var wrapped = WriteStreamTag.MarkError(new PSObject(shown));
        var ui = _host!.OracleUI;
        int before = ui.Text.Length;
        using var pipeline = rs.CreatePipeline();
        pipeline.Commands.Add(OutDefault());
        try { pipeline.Invoke(new[] { wrapped }); }
        catch (Exception ex) { Console.Error.WriteLine($"oracle: could not display error: {ex.Message}"); }
        // An incomplete script (`@(1, 2`) is reported at the end of its line. The ConciseView script then
        // inserts a colour reset one character past the end of the line text, which fits on Windows (the
        // line ends in "\r\n") and throws on Linux, where the view renders nothing. pwsh -Command on
        // Windows shows the usual ParserError block; write that block (docs/oracle.md).
        if (shown.CategoryInfo.Category == ErrorCategory.ParserError && shown.InvocationInfo is not null
            && ui.Text.ToString(before, ui.Text.Length - before).Trim().Length == 0)
        {
            ui.Text.Length = before;
            ui.Text.Append(WindowsParserView(shown)).Append('\n');
        }
    }

    // The ConciseView of a ParserError record with a position, as its script renders it with "\r\n" newlines.
    private static string WindowsParserView(ErrorRecord r)
    {
        var inv = r.InvocationInfo;
        var pm = inv.PositionMessage.Replace("\r\n", "\n").Split('\n');
        string line = pm[1].Substring(1), highlight = pm[^1].Substring(1);
        string num = inv.ScriptLineNumber.ToString();
        string headerWs = num.Length > 4 ? new string(' ', num.Length - 4) : "";
        string lineWs = num.Length < 4 ? new string(' ', 4 - num.Length) : "";
        string prefix = headerWs + "     | ";
        string text = r.Exception.Message.Replace("\r\n", "\n");
        string message = text.Contains("~\n") ? text.Split("~\n")[1].Split("\n\n")[0] : text;
        message = message.Replace('\n', ' ').Replace('\t', ' ');
        return $"ParserError: \n{headerWs}Line |\n{lineWs}{num} | {line}\n{prefix}{highlight}\n{prefix}{message}\n";
    }

    private static ErrorRecord? ParseRecordFor(Runspace rs, string script)
    {
        using var pipeline = rs.CreatePipeline();
        var cmd = new Command("param($s) try { $null = [scriptblock]::Create($s) } catch { $_.Exception.InnerException.ErrorRecord }", true, true);
        cmd.Parameters.Add("s", script);
        pipeline.Commands.Add(cmd);
        try
        {
            var outp = pipeline.Invoke();
            return outp.Count > 0 ? outp[0].BaseObject as ErrorRecord : null;
        }
        catch { return null; }
    }
}
