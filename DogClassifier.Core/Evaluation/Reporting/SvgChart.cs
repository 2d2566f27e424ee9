using System.Globalization;
using System.Net;
using System.Text;

namespace DogClassifier.Evaluation.Reporting;

/// <summary>
/// A small square chart of the unit square, drawn as inline SVG: grid, ticks, axis labels, then
/// lines, steps and bars added by the caller. Coordinates are data values in [0, 1].
/// </summary>
internal sealed class SvgChart
{
    private const double Size = 260;
    private const double Left = 52;
    private const double Top = 14;
    private const double Right = 14;
    private const double Bottom = 46;

    private readonly StringBuilder _body = new();
    private readonly string _label;

    public SvgChart(string label, string xTitle, string yTitle)
    {
        _label = label;
        for (int i = 0; i <= 5; i++)
        {
            var v = i / 5.0;
            var tick = v.ToString("0.0", CultureInfo.InvariantCulture);
            Raw($"<line class=\"grid\" x1=\"{X(0)}\" y1=\"{Y(v)}\" x2=\"{X(1)}\" y2=\"{Y(v)}\"/>");
            Raw($"<line class=\"grid\" x1=\"{X(v)}\" y1=\"{Y(0)}\" x2=\"{X(v)}\" y2=\"{Y(1)}\"/>");
            Raw($"<text class=\"tick\" x=\"{N(Left - 6)}\" y=\"{N(Py(v) + 4)}\" ");
            Raw($"text-anchor=\"end\">{tick}</text>");
            Raw($"<text class=\"tick\" x=\"{X(v)}\" y=\"{N(Top + Size + 16)}\" ");
            Raw($"text-anchor=\"middle\">{tick}</text>");
        }

        Raw($"<rect class=\"frame\" x=\"{X(0)}\" y=\"{Y(1)}\" width=\"{N(Size)}\" height=\"{N(Size)}\"/>");
        Raw($"<text class=\"axis\" x=\"{X(0.5)}\" y=\"{N(Top + Size + 38)}\" text-anchor=\"middle\">");
        Raw($"{Encode(xTitle)}</text>");
        Raw($"<text class=\"axis\" transform=\"translate(14 {Y(0.5)}) rotate(-90)\" text-anchor=\"middle\">");
        Raw($"{Encode(yTitle)}</text>");
    }

    /// <summary>A dashed line from (0, 0) to (1, 1).</summary>
    public SvgChart Diagonal()
    {
        Raw($"<line class=\"diagonal\" x1=\"{X(0)}\" y1=\"{Y(0)}\" x2=\"{X(1)}\" y2=\"{Y(1)}\"/>");
        return this;
    }

    /// <summary>A polyline through the points, in order.</summary>
    public SvgChart Line(IEnumerable<(double X, double Y)> points, string cssClass)
    {
        var coordinates = string.Join(' ', points.Select(p => $"{X(p.X)},{Y(p.Y)}"));
        Raw($"<polyline class=\"{cssClass}\" points=\"{coordinates}\"/>");
        return this;
    }

    /// <summary>A bar over [x0, x1] up to <paramref name="height"/>, with a tooltip.</summary>
    public SvgChart Bar(double x0, double x1, double height, string cssClass, string tooltip)
    {
        Raw($"<rect class=\"{cssClass}\" x=\"{X(x0)}\" y=\"{Y(height)}\" width=\"{N((x1 - x0) * Size)}\" " +
            $"height=\"{N(height * Size)}\"><title>{Encode(tooltip)}</title></rect>");
        return this;
    }

    /// <summary>A shaded band over [x0, x1] between two heights, with a tooltip.</summary>
    public SvgChart Gap(double x0, double x1, double low, double high, string tooltip)
    {
        Raw($"<rect class=\"gap\" x=\"{X(x0)}\" y=\"{Y(high)}\" width=\"{N((x1 - x0) * Size)}\" " +
            $"height=\"{N((high - low) * Size)}\"><title>{Encode(tooltip)}</title></rect>");
        return this;
    }

    /// <summary>
    /// A small legend entry, stacked by index: up from the lower-right area, or down from the
    /// upper-left one when <paramref name="topLeft"/> is set, for charts whose data fill the right.
    /// </summary>
    public SvgChart Legend(int index, string cssClass, string text, bool topLeft = false)
    {
        var y = topLeft ? Top + 20 + (index * 18) : Top + Size - 14 - (index * 18);
        var x = topLeft ? 0.04 : 0.52;
        Raw($"<line class=\"{cssClass}\" x1=\"{X(x)}\" y1=\"{N(y - 4)}\" x2=\"{X(x + 0.08)}\" y2=\"{N(y - 4)}\"/>");
        Raw($"<text class=\"legend\" x=\"{X(x + 0.1)}\" y=\"{N(y)}\">{Encode(text)}</text>");
        return this;
    }

    public string Render() =>
        $"<svg class=\"chart\" viewBox=\"0 0 {N(Left + Size + Right)} {N(Top + Size + Bottom)}\" role=\"img\" " +
        $"aria-label=\"{Encode(_label)}\">{_body}</svg>";

    private static string X(double v) => N(Left + (Math.Clamp(v, 0, 1) * Size));

    private static string Y(double v) => N(Py(v));

    private static double Py(double v) => Top + ((1 - Math.Clamp(v, 0, 1)) * Size);

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private void Raw(string svg) => _body.Append(svg);
}
