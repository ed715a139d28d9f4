using System.Management.Automation.Host;

namespace SyncShell.Oracle;

// A fixed-size, non-interactive terminal: the formatter reads BufferSize.Width to lay out tables,
// so this is what makes the oracle print "as pwsh in a 120-column window".
internal sealed class OracleRawUI : PSHostRawUserInterface
{
    private readonly int _width;
    public OracleRawUI(int width) { _width = width; }

    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
    public override Size BufferSize { get => new Size(_width, 9001); set { } }
    public override Coordinates CursorPosition { get; set; }
    public override int CursorSize { get; set; } = 25;
    public override bool KeyAvailable => false;
    public override Size MaxPhysicalWindowSize => new Size(_width, 50);
    public override Size MaxWindowSize => new Size(_width, 50);
    public override Coordinates WindowPosition { get; set; }
    public override Size WindowSize { get => new Size(_width, 50); set { } }
    public override string WindowTitle { get; set; } = "oracle";

    public override void FlushInputBuffer() { }
    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException("GetBufferContents");
    public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("ReadKey");
    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
}
