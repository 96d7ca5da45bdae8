package io.podium.leaderboard.page;

import io.podium.conf.BenchmarkGroup;
import io.podium.leaderboard.view.Entry;
import io.podium.tables.Tables;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A column of the board after the rank and the model: its header, how it sorts, whether it is
 * shown before the reader toggles it, and how a row's cell is made. The same columns serve the
 * ranked and the unranked table, so one toggle shows or hides both.
 *
 * @param key the column's name (data-col in the page)
 * @param label its header
 * @param type number or text (how the table sorts it)
 * @param first the direction of its first sort: descending for scores, ascending for text
 * @param shown whether it is shown when the page opens
 * @param about what it means (the header's title)
 * @param cell the cell of a row
 */
public record Column(String key, String label, String type, String first, boolean shown, String about,
    Function<Entry, Cell> cell) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  /** The board's columns, in order: the average, the group's benchmarks, then what is known of the model. */
  static List<Column> board() {
    List<Column> columns = new ArrayList<>();
    columns.add(score("average", "Average", "mean of the normalized scores, with its 95% interval"));
    for (String b : Tables.LEADERBOARD_BENCHMARKS) {
      String label = BenchmarkGroup.shipped().column(b);
      columns.add(score(b, label, label + ", normalized (0-100), with its 95% interval"));
    }
    columns.add(new Column("docs", "Docs", "number", "descending", true, "documents the scores stand on",
        e -> Cell.number(e.documents() == null ? null : e.documents().doubleValue(), "%,.0f")));
    columns.add(new Column("params", "Params (B)", "number", "descending", true, "parameters, in billions",
        e -> Cell.number(e.score("params_billions"), "%.1f")));
    columns.add(text("type", "Type", true, "the model's type, as submitted", e -> string(e, "model_type")));
    columns.add(text("precision", "Precision", false, "the precision evaluated", Entry::precision));
    columns.add(text("chat_template", "Chat template", false, "whether prompts went through the model's chat"
        + " template", e -> yesNo(e.values().get("chat_template"))));
    columns.add(text("architecture", "Architecture", false, "the model class", e -> string(e, "architecture")));
    columns.add(text("license", "License", false, "the model's license, as submitted", e -> string(e, "license")));
    columns.add(new Column("base_model", "Base model", "text", "ascending", false, "the model it was fine-tuned or"
        + " merged from", e -> Cell.link(string(e, "base_model"), Hub.url(string(e, "base_model")))));
    columns.add(text("flags", "Flags", false, "merge, mixture of experts (as submitted)", Column::flags));
    columns.add(new Column("co2", "CO\u2082 (kg)", "number", "ascending", false, "the evaluation's CO2 estimate, as"
        + " the leaderboard computed it", e -> Cell.number(e.score("co2_kg"), "%.2f")));
    columns.add(text("submitted", "Submitted", false, "when the model was submitted",
        e -> e.values().get("submitted_at") instanceof Instant t ? DAY.format(t) : ""));
    return columns;
  }

  private static Column score(String key, String label, String about) {
    return new Column(key, label, "number", "descending", true, about,
        e -> Cell.score(e.score(key), e.low(key), e.high(key)));
  }

  private static Column text(String key, String label, boolean shown, String about, Function<Entry, String> value) {
    return new Column(key, label, "text", "ascending", shown, about, e -> Cell.text(value.apply(e)));
  }

  static String string(Entry e, String column) {
    Object v = e.values().get(column);
    return v == null ? "" : v.toString();
  }

  static String yesNo(Object flag) {
    return flag == null ? "" : Boolean.TRUE.equals(flag) ? "yes" : "no";
  }

  static String flags(Entry e) {
    List<String> flags = new ArrayList<>();
    if (Boolean.TRUE.equals(e.values().get("merged"))) {
      flags.add("merge");
    }
    if (Boolean.TRUE.equals(e.values().get("moe"))) {
      flags.add("MoE");
    }
    return String.join(", ", flags);
  }
}
