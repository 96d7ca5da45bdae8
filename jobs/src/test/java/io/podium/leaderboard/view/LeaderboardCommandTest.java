package io.podium.leaderboard.view;

import static io.podium.leaderboard.view.LeaderboardFixture.ALPHA;
import static io.podium.leaderboard.view.LeaderboardFixture.BETA;
import static io.podium.leaderboard.view.LeaderboardFixture.DELTA;
import static io.podium.leaderboard.view.LeaderboardFixture.EPSILON;
import static io.podium.leaderboard.view.LeaderboardFixture.EVIL;
import static io.podium.leaderboard.view.LeaderboardFixture.GAMMA;
import static io.podium.leaderboard.view.LeaderboardFixture.S1;
import static io.podium.leaderboard.view.LeaderboardFixture.S2;
import static io.podium.leaderboard.view.LeaderboardFixture.S3;
import static io.podium.leaderboard.view.LeaderboardFixture.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podium.tables.Tables;
import io.podium.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** podium leaderboard over a real Delta table of three snapshots: selection, diffs, formats, --out. */
class LeaderboardCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path tmp;
  static String warehouse;

  @BeforeAll
  static void snapshots() {
    warehouse = LeaderboardFixture.create(tmp.resolve("wh"));
  }

  private static Cli leaderboard(String... args) {
    return Cli.in(warehouse, "leaderboard", args);
  }

  private static Cli ok(String... args) {
    Cli run = leaderboard(args);
    assertEquals(0, run.code, run.toString());
    assertFalse(run.out.contains(SECRET) || run.err.contains(SECRET), "a secret was printed:\n" + run);
    return run;
  }

  /** The id in the header line of the table format. */
  private static String shownSnapshot(Cli run) {
    String first = run.out.lines().findFirst().orElseThrow();
    assertTrue(first.startsWith("snapshot "), run.out);
    return first.split("\\s+")[1];
  }

  /** The table's data rows (lines between the 2nd and 3rd rule), as trimmed cells. */
  private static List<List<String>> tableRows(String out) {
    List<List<String>> rows = new ArrayList<>();
    int rules = 0;
    for (String line : out.lines().toList()) {
      if (line.startsWith("+-")) {
        rules++;
      } else if (rules == 2 && line.startsWith("|")) {
        List<String> cells = new ArrayList<>();
        for (String c : line.substring(1, line.length() - 1).split(" \\| ", -1)) {
          cells.add(c.strip());
        }
        rows.add(cells);
      }
    }
    return rows;
  }

  @Test
  void showsTheLatestSnapshotByDefault() {
    Cli run = ok();
    assertEquals(S3, shownSnapshot(run));
    String header = run.out.lines().findFirst().orElseThrow();
    assertTrue(header.contains("taken 2026-01-20T12:00:00Z") && header.contains("math sympy_2024")
        && header.contains("\"task_scores\":" + LeaderboardFixture.taskScoresAtS3) && header.contains("s3a://***@bucket/podium"), header);
    List<List<String>> rows = tableRows(run.out);
    assertEquals(5, rows.size(), run.out);
    // rank, tie, model_key, average [interval], six scores, docs, missing
    assertEquals(List.of("1", "=", EPSILON, "46.00 [45.00, 47.00]", "43.50", "44.50", "45.50", "9.50", "47.50",
        "48.50", "7800", ""), rows.get(0));
    assertEquals(List.of("2", "", ALPHA), rows.get(1).subList(0, 3));
    assertEquals(List.of("3", "", BETA), rows.get(2).subList(0, 3));
    assertEquals(List.of("4", "", EVIL), rows.get(3).subList(0, 3));
    assertEquals(List.of("-", "", DELTA, ""), rows.get(4).subList(0, 4));
    assertEquals("1326", rows.get(4).get(10));
    assertEquals("mmlu_pro, bbh/navigate", rows.get(4).get(11));
    assertTrue(run.out.contains("ranked on the same documents: subtasks bbh 24, ifeval 1, math_hard 7, gpqa 3,"
        + " musr 3, mmlu_pro 1; 7800 documents per ranked model"), run.out);
    assertTrue(run.out.contains("4 ranked, 1 not ranked"), run.out);
  }

  @Test
  void asOfAnIdOrAnIdPrefixShowsThatSnapshot() {
    assertEquals(S1, shownSnapshot(ok("--as-of", S1)));
    assertEquals(S2, shownSnapshot(ok("--as-of", S2.substring(0, 8))));
    List<List<String>> rows = tableRows(ok("--as-of", S1).out);
    assertEquals(List.of(ALPHA, BETA, GAMMA, DELTA), rows.stream().map(r -> r.get(2)).toList());
    assertEquals("=", rows.get(0).get(1)); // alpha tied with beta in S1
  }

  @Test
  void asOfATimeShowsTheLatestSnapshotTakenAtOrBeforeIt() {
    assertEquals(S2, shownSnapshot(ok("--as-of", "2026-01-15")));              // between S2 and S3
    assertEquals(S1, shownSnapshot(ok("--as-of", "2026-01-10T11:00:00Z")));    // an hour before S2
    assertEquals(S2, shownSnapshot(ok("--as-of", "2026-01-10T12:00:00Z")));    // exactly S2
    assertEquals(S2, shownSnapshot(ok("--as-of", "2026-01-10")));              // a date: the end of that day
    assertEquals(S1, shownSnapshot(ok("--as-of", "2026-01-10T13:00+02:00")));  // 11:00 UTC
    assertEquals(S3, shownSnapshot(ok("--as-of", "2030-01-01")));
  }

  @Test
  void aTimeBeforeTheFirstSnapshotOrAnUnknownIdListsTheSnapshots() {
    Cli before = leaderboard("--as-of", "2025-12-31");
    assertEquals(1, before.code, before.toString());
    assertTrue(before.err.contains("no snapshot was taken at or before 2025-12-31T23:59:59.999999999Z"), before.err);
    for (String line : List.of(S1 + "  2026-01-01T12:00:00Z  (4 models", S2 + "  2026-01-10T12:00:00Z  (5 models",
        S3 + "  2026-01-20T12:00:00Z  (5 models")) {
      assertTrue(before.err.contains(line), before.err);
    }
    Cli unknown = leaderboard("--as-of", "nosuchsnapshot");
    assertEquals(1, unknown.code, unknown.toString());
    assertTrue(unknown.err.contains("no snapshot has the id 'nosuchsnapshot'") && unknown.err.contains(S3),
        unknown.err);
    Cli badTime = leaderboard("--as-of", "2026-13-45");
    assertEquals(1, badTime.code, badTime.toString());
    assertTrue(badTime.err.contains("looks like a time but is none"), badTime.err);
  }

  @Test
  void diffShowsMovesScoreChangesAndModelsThatEnteredOrLeft() throws Exception {
    JsonNode diff = JSON.readTree(ok("--diff", S2, S3, "--format", "json").out);
    assertEquals(S2, diff.path("from").path("id").asText());
    assertEquals(S3, diff.path("to").path("id").asText());
    Map<String, JsonNode> byModel = new HashMap<>();
    diff.path("changes").forEach(c -> byModel.put(c.path("model_key").asText(), c));
    assertEquals(List.of(EPSILON, ALPHA, BETA, EVIL, DELTA, GAMMA),
        stream(diff.path("changes")).stream().map(c -> c.path("model_key").asText()).toList());
    JsonNode epsilon = byModel.get(EPSILON);
    assertEquals(4, epsilon.path("rank_before").asInt());
    assertEquals(1, epsilon.path("rank_after").asInt());
    assertEquals(3, epsilon.path("move").asInt());
    assertTrue(epsilon.path("tied_with_next_after").asBoolean());
    assertEquals(21.0, epsilon.path("scores").path("average").path("change").asDouble(), 1e-9);
    assertEquals(9.5 - 25.5, epsilon.path("scores").path("gpqa").path("change").asDouble(), 1e-9);
    JsonNode beta = byModel.get(BETA);
    assertEquals(-2, beta.path("move").asInt());
    assertTrue(beta.path("tied_with_next_before").asBoolean());
    assertFalse(beta.path("tied_with_next_after").asBoolean());
    assertEquals(-1.0, beta.path("scores").path("average").path("change").asDouble(), 1e-9);
    assertEquals("entered", byModel.get(EVIL).path("change").asText());
    assertTrue(byModel.get(EVIL).path("rank_before").isNull());
    assertEquals("left", byModel.get(GAMMA).path("change").asText());
    assertEquals(3, byModel.get(GAMMA).path("rank_before").asInt());
    assertTrue(byModel.get(GAMMA).path("rank_after").isNull());
    assertEquals("stayed", byModel.get(DELTA).path("change").asText());
    assertTrue(byModel.get(DELTA).path("move").isNull());

    Cli table = ok("--diff", S2, S3);
    assertTrue(table.out.startsWith("from snapshot " + S2 + " (2026-01-10T12:00:00Z, math sympy_2024)\n"
        + "to   snapshot " + S3 + " (2026-01-20T12:00:00Z, math sympy_2024)\n1 entered, 1 left, 2 moved;"),
        table.out);
    Map<String, List<String>> rows = new HashMap<>();
    tableRows(table.out).forEach(r -> rows.put(r.get(0), r));
    // model_key, change, rank before, rank after, move, average before, average after, Δ average, ...
    assertEquals(List.of(EPSILON, "", "4", "1=", "+3", "25.00", "46.00", "+21.00"), rows.get(EPSILON).subList(0, 8));
    assertEquals(List.of(BETA, "", "1=", "3", "-2", "42.00", "41.00", "-1.00"), rows.get(BETA).subList(0, 8));
    assertEquals(List.of(EVIL, "entered", "", "4", "", "", "20.00", ""), rows.get(EVIL).subList(0, 8));
    assertEquals(List.of(GAMMA, "left", "3", "", "", "30.00", "", ""), rows.get(GAMMA).subList(0, 8));
    assertEquals(List.of(DELTA, "", "-", "-", "", "", "", ""), rows.get(DELTA).subList(0, 8));
  }

  @Test
  void diffTakesTimesAsWell() throws Exception {
    JsonNode diff = JSON.readTree(ok("--diff", "2026-01-01", "2026-01-20", "--format", "json").out);
    assertEquals(S1, diff.path("from").path("id").asText());
    assertEquals(S3, diff.path("to").path("id").asText());
    Map<String, String> change = new HashMap<>();
    diff.path("changes").forEach(c -> change.put(c.path("model_key").asText(), c.path("change").asText()));
    assertEquals(Map.of(EPSILON, "entered", EVIL, "entered", GAMMA, "left", ALPHA, "stayed", BETA, "stayed",
        DELTA, "stayed"), change);
    List<List<String>> csv = Csv.parse(ok("--diff", S1, S3, "--format", "csv").out);
    assertEquals(List.of("model_key", "change", "rank_before", "rank_after", "tied_with_next_before",
        "tied_with_next_after", "move", "average_before", "average_after", "average_change"), csv.get(0).subList(0, 10));
    assertEquals(List.of(ALPHA, "stayed", "1", "2", "true", "false", "-1", "40.0", "44.0", "4.0"),
        csv.stream().filter(r -> r.get(0).equals(ALPHA)).findFirst().orElseThrow().subList(0, 10));
  }

  @Test
  void csvParsesBackWithEveryModelAndTheSnapshotOnEachRow() {
    List<List<String>> csv = Csv.parse(ok("--format", "csv").out);
    List<String> header = csv.get(0);
    assertEquals(List.of("snapshot_id", "snapshot_time", "math_method", "inputs", "coverage", "rank",
        "tied_with_next", "model_key"), header.subList(0, 8));
    assertTrue(header.containsAll(List.of("average", "average_low", "average_high", "gpqa", "gpqa_low",
        "mmlu_pro_high", "documents", "missing")), header.toString());
    assertEquals(6, csv.size());
    List<String> keys = new ArrayList<>();
    for (List<String> row : csv.subList(1, csv.size())) {
      assertEquals(header.size(), row.size(), row.toString());
      assertEquals(S3, row.get(0));
      assertEquals("2026-01-20T12:00:00Z", row.get(1));
      keys.add(row.get(7));
    }
    assertEquals(List.of(EPSILON, ALPHA, BETA, EVIL, DELTA), keys); // the id with quotes and a comma survives
    List<String> evil = csv.get(4);
    assertEquals("4", evil.get(header.indexOf("rank")));
    assertEquals("30.0", evil.get(header.indexOf("gpqa")));
    assertEquals("28.5", evil.get(header.indexOf("gpqa_low")));
    List<String> delta = csv.get(5);
    assertEquals("", delta.get(header.indexOf("rank")));
    assertEquals("mmlu_pro, bbh/navigate", delta.get(header.indexOf("missing")));
  }

  @Test
  void jsonHasTheSnapshotAndTheFullRows() throws Exception {
    JsonNode doc = JSON.readTree(ok("--as-of", S1, "--format", "json").out);
    assertEquals(S1, doc.path("snapshot").path("id").asText());
    assertEquals("2026-01-01T12:00:00Z", doc.path("snapshot").path("time").asText());
    assertEquals(LeaderboardFixture.taskScoresAtS1, doc.path("snapshot").path("inputs").path("task_scores").asLong());
    assertEquals(24, doc.path("snapshot").path("coverage").path("bbh").asInt());
    assertEquals(4, doc.path("rows").size());
    for (JsonNode row : doc.path("rows")) {
      for (StructField f : Tables.LEADERBOARD.schema().fields()) {
        assertTrue(row.has(f.name()), f.name() + " missing in " + row);
      }
    }
    JsonNode alpha = doc.path("rows").get(0);
    assertEquals(ALPHA, alpha.path("model_key").asText());
    assertEquals(1, alpha.path("rank").asInt());
    assertTrue(alpha.path("tied_with_next").asBoolean());
    assertEquals(41.0, alpha.path("average_high").asDouble(), 1e-9);
    assertEquals("2025-12-01T00:00:00Z", alpha.path("submitted_at").asText());
    JsonNode latest = JSON.readTree(ok("--format", "json").out);
    assertEquals("s3a://***@bucket/podium", latest.path("snapshot").path("inputs").path("warehouse").asText());
  }

  @Test
  void markdownIsATableWithAHeaderSeparatorRowAndEscapedText() {
    Cli run = ok("--format", "md");
    List<String> lines = run.out.lines().toList();
    int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("| rank |")).findFirst().orElseThrow());
    assertTrue(lines.get(0).startsWith("snapshot " + S3), run.out);
    assertTrue(lines.get(header + 1).matches("\\|( -{3}:? \\|)+"), lines.get(header + 1));
    assertEquals(lines.get(header).split("(?<!\\\\)\\|", -1).length, lines.get(header + 1).split("\\|", -1).length);
    assertEquals(5, lines.size() - header - 2, run.out);
    assertTrue(lines.get(header + 2).startsWith("| 1 | = | org/epsilon@r2\\#bfloat16 | 46.00 \\[45.00, 47.00\\] |"),
        lines.get(header + 2));
    String evil = lines.get(header + 5);
    assertTrue(evil.contains("zz/&lt;img src=x onerror=alert(1)&gt;\"q\",'&amp;amp;@r1\\#float16"), evil);
  }

  @Test
  void outWritesTheFileInsteadOfStandardOutput() throws Exception {
    Path file = tmp.resolve("out/board.md");
    Cli run = ok("--format", "md", "--out", file.toString());
    assertEquals("", run.out);
    assertTrue(run.err.contains("wrote " + file), run.err);
    assertEquals(ok("--format", "md").out, Files.readString(file, StandardCharsets.UTF_8));
    Path html = tmp.resolve("out/board.html");
    ok("--format", "html", "--as-of", S2, "--out", html.toString());
    assertTrue(Files.readString(html).contains("<code id=\"snapshot-id\">" + S2 + "</code>"));
  }

  @Test
  void htmlIsOneSelfContainedPageWithEveryTextEscaped() {
    String page = ok("--format", "html").out;
    assertTrue(page.startsWith("<!DOCTYPE html>"), page);
    assertTrue(page.contains("<title>Podium leaderboard 2026-01-20</title>"), page);
    assertFalse(page.contains("<img"), "unescaped model id");
    assertTrue(page.contains("zz/&lt;img src=x onerror=alert(1)&gt;&quot;q&quot;,&#39;&amp;amp;"), page);
    for (String external : List.of("http:", "//cdn", "src=\"", "@import", "url(", "@font-face", "<link")) {
      assertFalse(page.contains(external), "page refers to " + external);
    }
    // Links only navigate: within the page (a model's view), or to a model's page on the Hub.
    Matcher links = Pattern.compile("(href|xlink:href)=\"([^\"]*)\"").matcher(page);
    int hub = 0;
    while (links.find()) {
      String target = links.group(2);
      assertTrue(target.startsWith("#") || target.startsWith("https://huggingface.co/org/"), target);
      hub += target.startsWith("https:") ? 1 : 0;
    }
    assertTrue(hub >= 5, hub + " links to the Hub: alpha, beta, epsilon, delta, and the base models");
    assertFalse(page.contains("https://huggingface.co/zz"), "no Hub link for an id that is no Hub model's");
    assertTrue(page.contains("default-src 'none'"), "the page forbids loading anything");
  }

  @Test
  void badCommandLinesAreUsageErrors() {
    Cli format = leaderboard("--format", "xml");
    assertEquals(2, format.code);
    assertTrue(format.err.contains("unknown format 'xml' (table, csv, json, md, html)"), format.err);
    Cli one = leaderboard("--diff", S1);
    assertEquals(2, one.code);
    assertTrue(one.err.contains("--diff takes two snapshots"), one.err);
    Cli html = leaderboard("--diff", S1, S2, "--format", "html");
    assertEquals(2, html.code);
    assertTrue(html.err.contains("--format html shows one snapshot"), html.err);
    Cli both = leaderboard("--diff", S1, S2, "--as-of", S1);
    assertEquals(2, both.code);
  }

  private static List<JsonNode> stream(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  /** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
  static final class Csv {
    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"' && field.length() == 0) {
          quoted = true;
        } else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
        } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
          i++;
        } else {
          assertFalse(c == '"' || c == '\n' || c == '\r', "bad CSV at " + i + ": " + text);
          field.append(c);
        }
      }
      assertTrue(row.isEmpty() && field.length() == 0, "CSV does not end with CRLF");
      return rows;
    }
  }
}
