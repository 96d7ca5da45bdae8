package io.podium.leaderboard.view;

import io.podium.tables.Json;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One leaderboard snapshot: what identifies it and its models, ranked models first by rank,
 * then the unranked ones by model key.
 */
public record Snapshot(SnapshotInfo info, List<Entry> entries) {

  /** Ranked by rank, then unranked by model key. */
  public static final Comparator<Entry> ORDER = Comparator
      .comparing((Entry e) -> !e.ranked())
      .thenComparing(e -> e.ranked() ? e.rank() : Integer.MAX_VALUE)
      .thenComparing(Entry::modelKey);

  public Snapshot {
    entries = entries.stream().sorted(ORDER).toList();
  }

  public List<Entry> ranked() {
    return entries.stream().filter(Entry::ranked).toList();
  }

  public List<Entry> unranked() {
    return entries.stream().filter(e -> !e.ranked()).toList();
  }

  /** "subtasks bbh 24/24, ...; N documents per ranked model": what the ranking covers, in words. */
  public String coverageLine() {
    StringBuilder text = new StringBuilder();
    Object parsed;
    try {
      parsed = Json.parse(info.coverage());
    } catch (Exception notJson) {
      parsed = info.coverage();
    }
    if (parsed instanceof Map<?, ?> map) {
      map.forEach((b, v) -> text.append(text.isEmpty() ? "subtasks " : ", ").append(b).append(' ').append(v));
    } else {
      text.append(parsed);
    }
    List<Entry> ranked = ranked();
    Long documents = ranked.isEmpty() ? null : ranked.get(0).documents();
    return text + (documents == null ? "" : "; " + documents + " documents per ranked model");
  }
}
