package io.podium.leaderboard.page;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chart's geometry in SVG user units, worked out here so that the template only draws: the
 * plotting area, the ticks of both axes and where each point lies. Two charts use it: the
 * average against parameters (a logarithmic x axis, as model sizes span three decades) and a
 * model's average across snapshots (one step per snapshot).
 *
 * @param width the SVG's width
 * @param height the SVG's height
 * @param left left edge of the plotting area (right of the y labels)
 * @param top top edge of the plotting area
 * @param right right edge of the plotting area
 * @param bottom bottom edge of the plotting area (above the x labels)
 * @param xTicks ticks along the x axis
 * @param yTicks ticks along the y axis
 * @param points the data points, in drawing order
 * @param line an SVG path through the points that follow each other ({@code M x y L x y ...}), or
 *     "" for a scatter
 * @param xLabel what the x axis shows
 * @param yLabel what the y axis shows
 */
public record Plot(int width, int height, int left, int top, int right, int bottom, List<Tick> xTicks,
    List<Tick> yTicks, List<Point> points, String line, String xLabel, String yLabel) {

  /** A tick: its position along its axis and its label. */
  public record Tick(String at, String label) {}

  /**
   * A data point.
   *
   * @param x its x position
   * @param y its y position
   * @param label the point's text on hover (model, value)
   * @param tag a short text drawn beside it ("" for none; a rank in the history chart)
   * @param model the model key it stands for (the page's filters hide it with its row)
   * @param href where clicking it goes ("" for nowhere)
   */
  public record Point(String x, String y, String label, String tag, String model, String href) {}

  /** A value to place: where along x and y, and what the point says and links to. */
  public record Datum(double x, double y, String label, String tag, String model, String href) {}

  private static final int WIDTH = 720;
  private static final int HEIGHT = 320;
  private static final int LEFT = 48;
  private static final int RIGHT_MARGIN = 20;
  private static final int TOP = 12;
  private static final int BOTTOM_MARGIN = 44;

  /** Averages (y, 0-100) against parameters in billions (x, logarithmic); x must be positive. */
  public static Plot scatter(List<Datum> data, String xLabel, String yLabel) {
    return scatter(data, xLabel, yLabel, WIDTH, HEIGHT);
  }

  static Plot scatter(List<Datum> data, String xLabel, String yLabel, int width, int height) {
    int right = width - RIGHT_MARGIN;
    int bottom = height - BOTTOM_MARGIN;
    double lo = data.stream().mapToDouble(Datum::x).min().orElse(1);
    double hi = data.stream().mapToDouble(Datum::x).max().orElse(10);
    double from = Math.floor(Math.log10(lo));
    double to = Math.ceil(Math.log10(hi));
    if (to <= from) {
      to = from + 1;
    }
    double top = yTop(data);
    List<Tick> xTicks = new ArrayList<>();
    for (int decade = (int) from; decade <= (int) to; decade++) {
      for (int m : new int[] {1, 3}) {
        double v = m * Math.pow(10, decade);
        double log = Math.log10(v);
        if (log >= from - 1e-9 && log <= to + 1e-9) {
          xTicks.add(new Tick(num(LEFT + (log - from) / (to - from) * (right - LEFT)), paramsLabel(v)));
        }
      }
    }
    List<Point> points = new ArrayList<>();
    for (Datum d : data) {
      double x = LEFT + (Math.log10(d.x()) - from) / (to - from) * (right - LEFT);
      points.add(point(d, x, y(d.y(), top, bottom)));
    }
    return new Plot(width, height, LEFT, TOP, right, bottom, xTicks, yTicks(top, bottom), points, "", xLabel,
        yLabel);
  }

  /**
   * One step per snapshot along x (labels: {@code xLabels}, one per step), the datum's y where
   * it has one (null: no point at that step, and the line breaks there).
   */
  public static Plot steps(List<String> xLabels, List<Datum> data, String xLabel, String yLabel) {
    int width = Math.max(360, Math.min(WIDTH, LEFT + RIGHT_MARGIN + 80 * xLabels.size()));
    int height = 240;
    int right = width - RIGHT_MARGIN;
    int bottom = height - BOTTOM_MARGIN;
    double top = yTop(data.stream().filter(d -> !Double.isNaN(d.y())).toList());
    int n = xLabels.size();
    List<Tick> xTicks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      xTicks.add(new Tick(num(stepX(i, n, right)), xLabels.get(i)));
    }
    List<Point> points = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    boolean open = false;
    for (Datum d : data) {
      if (Double.isNaN(d.y())) {
        open = false;
        continue;
      }
      double x = stepX((int) d.x(), n, right);
      double y = y(d.y(), top, bottom);
      line.append(line.isEmpty() ? "" : " ").append(open ? "L " : "M ").append(num(x)).append(' ').append(num(y));
      open = true;
      points.add(point(d, x, y));
    }
    return new Plot(width, height, LEFT, TOP, right, bottom, xTicks, yTicks(top, bottom), points, line.toString(),
        xLabel, yLabel);
  }

  private static double stepX(int i, int n, int right) {
    return n == 1 ? (LEFT + right) / 2.0 : LEFT + 24 + i * (right - LEFT - 48) / (double) (n - 1);
  }

  private static Point point(Datum d, double x, double y) {
    return new Point(num(x), num(y), d.label(), d.tag(), d.model(), d.href());
  }

  /** The y axis's top: the data's maximum rounded up to the next 10 (at least 10, at most 100). */
  private static double yTop(List<Datum> data) {
    double max = data.stream().mapToDouble(Datum::y).max().orElse(0);
    return Math.min(100, Math.max(10, Math.ceil(max / 10) * 10));
  }

  private static double y(double v, double top, int bottom) {
    return bottom - Math.max(0, Math.min(v, top)) / top * (bottom - TOP);
  }

  private static List<Tick> yTicks(double top, int bottom) {
    double step = top <= 20 ? 5 : top <= 50 ? 10 : 20;
    List<Tick> ticks = new ArrayList<>();
    for (double v = 0; v <= top + 1e-9; v += step) {
      ticks.add(new Tick(num(y(v, top, bottom)), String.format(Locale.ROOT, "%.0f", v)));
    }
    return ticks;
  }

  /** 0.1, 0.3, 1, 3, 10, ... billions of parameters as a label: 0.1B, 0.3B, 1B, 3B, 10B. */
  private static String paramsLabel(double billions) {
    return new BigDecimal(billions).round(new MathContext(1)).stripTrailingZeros().toPlainString() + "B";
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
