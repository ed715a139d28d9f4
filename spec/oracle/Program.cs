using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SyncShell.Oracle;

// Batch server: one JSON object per stdin line, {"id": ..., "script": "..."}; one JSON line per
// snippet on stdout, {"id", "output", "errors": [{"message","fqid","category"}], "hadErrors", ...}.
// `--script TEXT` runs one snippet and prints its output as pwsh would (for people, not tests).
public static class Program
{
    internal static CultureInfo Culture = WindowsPatterns(CultureInfo.GetCultureInfo(
        Environment.GetEnvironmentVariable("ORACLE_CULTURE") is { Length: > 0 } c ? c : "en-US"));

    // .NET on Linux takes its culture data from ICU, whose en-US time patterns put U+202F (narrow
    // no-break space) before AM/PM; Windows' NLS data, which the admins running Connect have, uses a
    // plain space. The emulator follows Windows, so the oracle's culture does too (docs/oracle.md).
    private static CultureInfo WindowsPatterns(CultureInfo culture)
    {
        var c = (CultureInfo)culture.Clone();
        var f = c.DateTimeFormat;
        static string Plain(string p) => p.Replace('\u202F', ' ');
        f.ShortTimePattern = Plain(f.ShortTimePattern);
        f.LongTimePattern = Plain(f.LongTimePattern);
        f.FullDateTimePattern = Plain(f.FullDateTimePattern);
        f.AMDesignator = Plain(f.AMDesignator);
        f.PMDesignator = Plain(f.PMDesignator);
        return CultureInfo.ReadOnly(c);
    }

    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = Culture;
        CultureInfo.DefaultThreadCurrentUICulture = Culture;
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = Culture;
        int width = int.TryParse(Environment.GetEnvironmentVariable("ORACLE_WIDTH"), out var w) ? w : 120;
        int timeoutMs = int.TryParse(Environment.GetEnvironmentVariable("ORACLE_TIMEOUT_MS"), out var t) ? t : 20000;
        var runner = new SnippetRunner(width, TimeSpan.FromMilliseconds(timeoutMs));

        if (args.Length == 2 && args[0] == "--script")
        {
            var r = runner.Run(args[1]);
            Console.Out.Write(r.Output);
            return r.HadErrors ? 1 : 0;
        }

        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
        var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        string? line;
        while ((line = stdin.ReadLine()) is not null)
        {
            if (line.Trim().Length == 0) continue;
            JsonNode? id = null;
            var result = new JsonObject();
            try
            {
                var req = JsonNode.Parse(line)!.AsObject();
                id = req["id"]?.DeepClone();
                var script = req["script"]!.GetValue<string>();
                var r = runner.Run(script);
                result["id"] = id;
                result["output"] = r.Output;
                result["errorOutput"] = r.ErrorOutput;
                var errs = new JsonArray();
                foreach (var e in r.Errors)
                    errs.Add(new JsonObject { ["message"] = e.Message, ["fqid"] = e.Fqid, ["category"] = e.Category });
                result["errors"] = errs;
                result["hadErrors"] = r.HadErrors;
                if (r.ExitCode is int code) result["exitCode"] = code;
                if (r.TimedOut) result["timedOut"] = true;
            }
            catch (Exception e)
            {
                result = new JsonObject { ["id"] = id, ["oracleFailure"] = e.ToString() };
            }
            stdout.WriteLine(result.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            stdout.Flush();
        }
        return 0;
    }
}
