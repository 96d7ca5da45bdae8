package io.podium.leaderboard.view;

import io.podium.tables.Json;
import io.podium.leaderboard.view.SnapshotDiff.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A snapshot or a diff as one JSON document. A snapshot gives its header (inputs and coverage
 * as JSON) and every column of every row; a diff gives both headers and per model the ranks,
 * ties, move and each score before, after and its change.
 */
final class JsonView {

  private JsonView() {}

  static String snapshot(Snapshot s) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("snapshot", header(s.info()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Entry e : s.entries()) {
      Map<String, Object> row = new LinkedHashMap<>();
      e.values().forEach((k, v) -> row.put(k, plain(k, v)));
      rows.add(row);
    }
    doc.put("rows", rows);
    return Json.write(doc);
  }

  static String diff(SnapshotDiff d) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("from", header(d.from().info()));
    doc.put("to", header(d.to().info()));
    List<Map<String, Object>> changes = new ArrayList<>();
    for (Change c : d.changes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model_key", c.modelKey());
      m.put("change", c.status().name().toLowerCase(Locale.ROOT));
      m.put("rank_before", c.rankBefore());
      m.put("rank_after", c.rankAfter());
      m.put("tied_with_next_before", c.rankBefore() == null ? null : c.tiedBefore());
      m.put("tied_with_next_after", c.rankAfter() == null ? null : c.tiedAfter());
      m.put("move", c.move());
      Map<String, Object> scores = new LinkedHashMap<>();
      for (String s : SnapshotDiff.SCORES) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("before", c.scoreBefore(s));
        v.put("after", c.scoreAfter(s));
        v.put("change", c.scoreChange(s));
        scores.put(s, v);
      }
      m.put("scores", scores);
      changes.add(m);
    }
    doc.put("changes", changes);
    return Json.write(doc);
  }

  static Map<String, Object> header(SnapshotInfo i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.id());
    m.put("time", i.time().toString());
    m.put("math_method", i.mathMethod());
    m.put("inputs", parsed(Redaction.redact(i.inputs())));
    m.put("coverage", parsed(i.coverage()));
    m.put("models", i.models());
    return m;
  }

  private static Object plain(String column, Object v) {
    if (v instanceof Instant t) {
      return t.toString();
    }
    if (column.equals("inputs") && v instanceof String s) {
      return Redaction.redact(s);
    }
    return v;
  }

  /** JSON text as a JSON value; text that is no JSON stays a string. */
  private static Object parsed(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Json.parse(text);
    } catch (Exception notJson) {
      return text;
    }
  }
}
