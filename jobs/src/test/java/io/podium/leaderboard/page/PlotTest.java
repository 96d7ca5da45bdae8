package io.podium.leaderboard.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the charts put their points and ticks. */
class PlotTest {

  private static Plot.Datum at(double x, double y) {
    return new Plot.Datum(x, y, "m", "", "m", "");
  }

  @Test
  void parametersAreOnALogScaleAndAveragesOnALinearOne() {
    // 1, 10 and 100 billion: one decade apart, so evenly spaced between the plot's edges (48 and 700)
    Plot p = Plot.scatter(List.of(at(1, 0), at(10, 25), at(100, 50)), "x", "y", 720, 320);
    assertEquals(List.of("48.0", "374.0", "700.0"), p.points().stream().map(Plot.Point::x).toList());
    // y: 0 at the bottom (276), the top of the axis (50, the maximum rounded up to 10) at 12
    assertEquals(List.of("276.0", "144.0", "12.0"), p.points().stream().map(Plot.Point::y).toList());
    assertEquals(List.of("1B", "3B", "10B", "30B", "100B"), p.xTicks().stream().map(Plot.Tick::label).toList());
    assertEquals(List.of("0", "10", "20", "30", "40", "50"), p.yTicks().stream().map(Plot.Tick::label).toList());
  }

  @Test
  void smallModelsGetDecimalTicksAndOneSizeStillSpansADecade() {
    Plot p = Plot.scatter(List.of(at(0.135, 5)), "x", "y", 720, 320);
    assertEquals(List.of("0.1B", "0.3B", "1B"), p.xTicks().stream().map(Plot.Tick::label).toList());
    assertEquals(List.of("0", "5", "10"), p.yTicks().stream().map(Plot.Tick::label).toList());
  }

  @Test
  void aHistoryLineBreaksWhereTheModelWasNotRanked() {
    Plot p = Plot.steps(List.of("a", "b", "c", "d"),
        List.of(at(0, 40), at(1, 42), at(2, Double.NaN), at(3, 44)), "x", "y");
    assertEquals(3, p.points().size());
    assertEquals(2, p.line().split("M ").length - 1, p.line()); // two runs: a-b, then d alone
    assertEquals(4, p.xTicks().size());
  }
}
