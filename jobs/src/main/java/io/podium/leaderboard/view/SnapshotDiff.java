package io.podium.leaderboard.view;

import io.podium.tables.Tables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed from one snapshot to another: per model, its rank in each (and whether it was
 * tied with the next rank), its move, and the change of its average and of each benchmark's
 * normalized score; models that entered or left.
 *
 * @param from the earlier snapshot (the one given first)
 * @param to the later snapshot (the one given second)
 * @param changes one per model in either snapshot: ordered as {@code to} orders them, then the
 *     models that left, as {@code from} ordered them
 */
public record SnapshotDiff(Snapshot from, Snapshot to, List<Change> changes) {

  /** The score columns compared: the average, then the six benchmarks. */
  public static final List<String> SCORES;

  static {
    List<String> scores = new ArrayList<>();
    scores.add("average");
    scores.addAll(Tables.LEADERBOARD_BENCHMARKS);
    SCORES = List.copyOf(scores);
  }

  public enum Status {
    /** in both snapshots, ranked in both or unranked in both */
    STAYED(""),
    /** only in the second */
    ENTERED("entered"),
    /** only in the first */
    LEFT("left"),
    /** unranked in the first, ranked in the second */
    NOW_RANKED("now ranked"),
    /** ranked in the first, unranked in the second */
    NOW_UNRANKED("now unranked");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One model's change.
   *
   * @param before its row in the first snapshot, null if it entered
   * @param after its row in the second, null if it left
   */
  public record Change(String modelKey, Status status, Entry before, Entry after) {

    public Integer rankBefore() {
      return before == null || !before.ranked() ? null : before.rank();
    }

    public Integer rankAfter() {
      return after == null || !after.ranked() ? null : after.rank();
    }

    /** Places moved up (positive) or down (negative); null unless ranked in both. */
    public Integer move() {
      Integer a = rankBefore();
      Integer b = rankAfter();
      return a == null || b == null ? null : a - b;
    }

    public boolean tiedBefore() {
      return before != null && before.ranked() && before.tiedWithNext();
    }

    public boolean tiedAfter() {
      return after != null && after.ranked() && after.tiedWithNext();
    }

    public Double scoreBefore(String column) {
      return before == null ? null : before.score(column);
    }

    public Double scoreAfter(String column) {
      return after == null ? null : after.score(column);
    }

    /** Second minus first; null unless both have the score. */
    public Double scoreChange(String column) {
      Double a = scoreBefore(column);
      Double b = scoreAfter(column);
      return a == null || b == null ? null : b - a;
    }
  }

  public static SnapshotDiff between(Snapshot from, Snapshot to) {
    Map<String, Entry> before = byModel(from);
    Map<String, Entry> after = byModel(to);
    Set<String> keys = new LinkedHashSet<>(after.keySet());
    List<String> left = new ArrayList<>(before.keySet());
    left.removeAll(after.keySet());
    keys.addAll(left);
    List<Change> changes = new ArrayList<>();
    for (String key : keys) {
      Entry a = before.get(key);
      Entry b = after.get(key);
      Status status;
      if (a == null) {
        status = Status.ENTERED;
      } else if (b == null) {
        status = Status.LEFT;
      } else if (a.ranked() == b.ranked()) {
        status = Status.STAYED;
      } else {
        status = b.ranked() ? Status.NOW_RANKED : Status.NOW_UNRANKED;
      }
      changes.add(new Change(key, status, a, b));
    }
    return new SnapshotDiff(from, to, List.copyOf(changes));
  }

  private static Map<String, Entry> byModel(Snapshot s) {
    Map<String, Entry> m = new LinkedHashMap<>();
    s.entries().stream().sorted(Snapshot.ORDER).forEach(e -> m.put(e.modelKey(), e));
    return m;
  }

  public List<Change> entered() {
    return changes.stream().filter(c -> c.status() == Status.ENTERED).toList();
  }

  public List<Change> left() {
    return changes.stream().filter(c -> c.status() == Status.LEFT).toList();
  }

  /** Models ranked in both whose rank changed, biggest move first. */
  public List<Change> moved() {
    return changes.stream().filter(c -> c.move() != null && c.move() != 0)
        .sorted(Comparator.comparing((Change c) -> -Math.abs(c.move())).thenComparing(Change::modelKey))
        .toList();
  }
}
