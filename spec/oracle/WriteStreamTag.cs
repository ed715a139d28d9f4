using System.Management.Automation;
using System.Reflection;

namespace SyncShell.Oracle;

// pwsh 7 marks an ErrorRecord bound for the terminal's error stream with the internal
// PSObject.WriteStream = WriteStreamType.Error (older hosts used a "writeErrorStream" note property).
// The oracle reads and sets it the same way ConsoleHost does, through reflection.
internal static class WriteStreamTag
{
    private static readonly PropertyInfo? Prop =
        typeof(PSObject).GetProperty("WriteStream", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);

    public static bool IsError(PSObject o)
    {
        if (o.Properties["writeErrorStream"] is not null) return true;
        var v = Prop?.GetValue(o);
        return v is not null && v.ToString() == "Error";
    }

    public static PSObject MarkError(PSObject o)
    {
        if (Prop is not null && Prop.CanWrite)
            Prop.SetValue(o, Enum.Parse(Prop.PropertyType, "Error"));
        else
            o.Properties.Add(new PSNoteProperty("writeErrorStream", true));
        return o;
    }
}
