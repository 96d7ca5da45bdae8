package io.podium.leaderboard.view;

import static io.podium.leaderboard.view.LeaderboardFixture.ALPHA;
import static io.podium.leaderboard.view.LeaderboardFixture.BETA;
import static io.podium.leaderboard.view.LeaderboardFixture.DELTA;
import static io.podium.leaderboard.view.LeaderboardFixture.EPSILON;
import static io.podium.leaderboard.view.LeaderboardFixture.EPSILON_NAVIGATE_N;
import static io.podium.leaderboard.view.LeaderboardFixture.EVIL;
import static io.podium.leaderboard.view.LeaderboardFixture.EVIL_ID;
import static io.podium.leaderboard.view.LeaderboardFixture.S2;
import static io.podium.leaderboard.view.LeaderboardFixture.S3;
import static io.podium.leaderboard.view.LeaderboardFixture.SUBTASKS;
import static io.podium.leaderboard.view.LeaderboardFixture.SUBTASK_DOCS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.podium.testing.Browser;
import io.podium.testing.Cli;
import io.podium.testing.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML page in a real Chromium (headless, through chromedriver), used as a reader would:
 * it renders and sorts by a clicked column (again: reversed; numbers as numbers), shows the
 * hostile model id as text and loads nothing from anywhere; the search box, the filters (type,
 * size, chat template, MoE) and the column toggles change what is shown, the plot of the average
 * against parameters included; a click on a model opens its view (facts, subtask scores with
 * their n as the snapshot read them, history across snapshots) and the back link returns to
 * the board. Screenshots of the board, a filtered board and a model's view are written under
 * jobs/target/leaderboard-page.
 */
class LeaderboardPageBrowserTest {

  @TempDir
  Path tmp;

  private static final String ROW_ORDER = "return Array.prototype.map.call("
      + "document.querySelectorAll('#leaderboard tbody tr'), function (r) { return r.getAttribute('data-model'); });";
  private static final String SHOWN_ROWS = "return Array.prototype.filter.call("
      + "document.querySelectorAll('#leaderboard tbody tr, #unranked tbody tr'), function (r) {"
      + " return r.getClientRects().length > 0; }).map(function (r) { return r.getAttribute('data-model'); });";
  private static final String SHOWN_POINTS = "return Array.prototype.filter.call("
      + "document.querySelectorAll('#scatter .point'), function (p) { return p.getClientRects().length > 0; })"
      + ".map(function (p) { return p.getAttribute('data-model'); });";

  @Test
  void theBoardRendersSortsAndIsExploredInChromium() throws Exception {
    Browser.assumeInstalled(); // before Spark: a machine without Chromium skips at once
    Path out = Paths.root().resolve("jobs/target/leaderboard-page");
    Files.createDirectories(out);
    Path page = out.resolve("leaderboard.html");
    String warehouse = LeaderboardFixture.create(tmp.resolve("wh"));
    Cli run = Cli.in(warehouse, "leaderboard", "--format", "html", "--out", page.toString());
    assertEquals(0, run.code, run.toString());

    try (Browser browser = Browser.start(tmp)) {
      browser.open(page.toUri().toString());
      assertEquals("Podium leaderboard 2026-01-20", browser.title());
      assertEquals(S3, browser.text(browser.find("#snapshot-id")));
      assertEquals(List.of(EPSILON, ALPHA, BETA, EVIL), strings(browser.execute(ROW_ORDER)));
      // the hostile id is text, not markup: no <img> element, and its cell reads as the id
      assertEquals(0, browser.execute("return document.querySelectorAll('img').length;").asInt());
      assertEquals(EVIL_ID, browser.execute("return document.querySelector('#leaderboard tbody tr:nth-child(4)"
          + " td.model .id').textContent;").asText());
      assertEquals("1=", browser.text(browser.find("#leaderboard tbody tr:nth-child(1) td.rank")));
      assertEquals("2=", browser.text(browser.find("#leaderboard tbody tr:nth-child(2) td.rank")));
      assertEquals(List.of(DELTA), strings(browser.execute("return Array.prototype.map.call("
          + "document.querySelectorAll('#unranked tbody tr'), function (r) { return r.getAttribute('data-model'); });")));
      assertEquals("mmlu_pro, bbh/navigate", browser.text(browser.find("#unranked td.missing")));
      assertEquals(0, browser.execute("return performance.getEntriesByType('resource').length;").asInt());
      // the average against parameters: the three ranked models of known size (evil's is unknown)
      assertEquals(List.of(EPSILON, ALPHA, BETA), strings(browser.execute(SHOWN_POINTS)));
      assertTrue(browser.text(browser.find("#size-plot .legend")).contains("1 ranked model is left out"));
      screenshot(browser, out.resolve("leaderboard.png"));
      browser.execute("document.getElementById('size-plot').scrollIntoView();");
      screenshot(browser, out.resolve("leaderboard-plot.png"));
      browser.execute("window.scrollTo(0, 0);");

      browser.click(browser.find("#leaderboard th[data-col=model]"));
      assertEquals(List.of(ALPHA, BETA, EPSILON, EVIL), strings(browser.execute(ROW_ORDER)));
      browser.click(browser.find("#leaderboard th[data-col=model]"));
      assertEquals(List.of(EVIL, EPSILON, BETA, ALPHA), strings(browser.execute(ROW_ORDER)));
      // GPQA: highest first, as numbers (30 > 10.25 > 9.5 > 2; as text 9.5 would come before 30)
      browser.click(browser.find("#leaderboard th[data-col=gpqa]"));
      assertEquals(List.of(EVIL, ALPHA, EPSILON, BETA), strings(browser.execute(ROW_ORDER)));
      browser.click(browser.find("#leaderboard th[data-col=gpqa]"));
      assertEquals(List.of(BETA, EPSILON, ALPHA, EVIL), strings(browser.execute(ROW_ORDER)));
      browser.click(browser.find("#leaderboard th[data-col=rank]"));
      assertEquals(List.of(EPSILON, ALPHA, BETA, EVIL, DELTA), strings(browser.execute(SHOWN_ROWS)));

      // search: part of a name, case-insensitive; several terms separated by ';'
      String search = browser.find("#search");
      browser.type(search, "ALPH");
      assertEquals(List.of(ALPHA), strings(browser.execute(SHOWN_ROWS)));
      assertEquals(List.of(ALPHA), strings(browser.execute(SHOWN_POINTS)));
      assertEquals("Showing 1 of 5 models.", browser.text(browser.find("#showing")));
      browser.clear(search);
      browser.type(search, "beta; delta");
      assertEquals(List.of(BETA, DELTA), strings(browser.execute(SHOWN_ROWS)));
      browser.clear(search);
      browser.type(search, "nothing-like-it");
      assertEquals(List.of(), strings(browser.execute(SHOWN_ROWS)));
      assertTrue(visible(browser, "#no-match"));
      browser.clear(search);
      browser.type(search, " ");
      assertEquals(5, browser.execute(SHOWN_ROWS).size());
      assertFalse(visible(browser, "#no-match"));

      // filters: type, size, chat template, MoE; each narrows, unchecking it again restores
      browser.click(browser.find("#filter-type input[value=merge]"));
      assertEquals(List.of(ALPHA, BETA, EVIL, DELTA), strings(browser.execute(SHOWN_ROWS)));
      browser.click(browser.find("#filter-size input[value='~7']"));
      assertEquals(List.of(BETA, EVIL, DELTA), strings(browser.execute(SHOWN_ROWS)));
      assertEquals(List.of(BETA), strings(browser.execute(SHOWN_POINTS)));
      screenshot(browser, out.resolve("leaderboard-filtered.png"));
      browser.click(browser.find("#filter-type input[value=merge]"));
      browser.click(browser.find("#filter-size input[value='~7']"));
      browser.click(browser.find("#hide-moe"));
      assertEquals(List.of(EPSILON, ALPHA, BETA, DELTA), strings(browser.execute(SHOWN_ROWS)));
      browser.click(browser.find("#hide-moe"));
      browser.execute("var s = document.getElementById('chat'); s.value = 'yes';"
          + " s.dispatchEvent(new Event('change'));");
      assertEquals(List.of(BETA), strings(browser.execute(SHOWN_ROWS)));
      browser.execute("var s = document.getElementById('chat'); s.value = '';"
          + " s.dispatchEvent(new Event('change'));");
      assertEquals("Showing all 5 models.", browser.text(browser.find("#showing")));

      // column toggles: Params hides in both tables; License (hidden at first) shows
      assertTrue(visible(browser, "#leaderboard th[data-col=params]"));
      browser.click(browser.find("#column-toggles input[value=params]"));
      assertFalse(visible(browser, "#leaderboard th[data-col=params]"));
      assertFalse(visible(browser, "#unranked td[data-col=params]"));
      assertFalse(visible(browser, "#leaderboard th[data-col=license]"));
      browser.click(browser.find("#column-toggles input[value=license]"));
      assertTrue(visible(browser, "#leaderboard th[data-col=license]"));
      assertEquals("apache-2.0", browser.text(browser.find("#leaderboard tbody tr td[data-col=license]")));

      // a model's own view: from its name in the board
      browser.click(browser.find("#leaderboard tr[data-model='" + EPSILON + "'] td.model a.id"));
      assertFalse(visible(browser, "#board"));
      String view = "article.model-view[data-model='" + EPSILON + "']";
      assertTrue(visible(browser, view));
      assertEquals("org/epsilon \u00b7 Podium leaderboard 2026-01-20", browser.title());
      assertTrue(browser.text(browser.find(view + " .status"))
          .startsWith("Rank 1 of 4, statistically tied with rank 2"), browser.text(browser.find(view + " .status")));
      assertEquals("https://huggingface.co/org/beta", browser.execute("return document.querySelector("
          + "arguments[0] + ' dl.facts a').getAttribute('href');", view).asText());
      // subtask scores as task_scores held them at the version S3 recorded, not as they are now
      List<List<String>> subtasks = table(browser, view + " table.subtasks");
      assertEquals(SUBTASKS.size(), subtasks.size());
      for (int i = 0; i < SUBTASKS.size(); i++) {
        List<String> row = subtasks.get(i);
        assertEquals(List.of(SUBTASKS.get(i)[1], SUBTASKS.get(i)[2]), row.subList(1, 3), row.toString());
        assertEquals(String.format(Locale.ROOT, "%.2f", LeaderboardFixture.subtaskValue(i, 0) * 100), row.get(3),
            row.toString());
      }
      List<String> navigate = subtasks.stream().filter(r -> r.get(1).equals("navigate")).findFirst().orElseThrow();
      assertEquals(List.of(String.valueOf(EPSILON_NAVIGATE_N), String.valueOf(SUBTASK_DOCS)), navigate.subList(6, 8));
      List<String> bool = subtasks.stream().filter(r -> r.get(1).equals("boolean_expressions")).findFirst()
          .orElseThrow();
      // 57.50% on a two-choice task: (0.575 - 0.5) / 0.5 = 15.00 normalized
      assertEquals(List.of("57.50", "1.00", "15.00"), bool.subList(3, 6));
      assertTrue(browser.text(browser.find(view + " p.legend")).contains("1 subtask stands on fewer documents"));
      // history: entered in S2 at rank 4, first (tied) in S3
      List<List<String>> history = table(browser, view + " table.history");
      assertEquals(List.of(List.of(S2, "2026-01-10 12:00 UTC", "4", "25.00"),
          List.of(S3, "2026-01-20 12:00 UTC", "1=", "46.00")), history);
      assertEquals(2, browser.execute("return document.querySelectorAll(arguments[0] + ' svg.plot circle').length;",
          view).asInt());
      screenshot(browser, out.resolve("leaderboard-model.png"));
      browser.execute("document.querySelector(arguments[0] + ' table.subtasks').scrollIntoView();", view);
      screenshot(browser, out.resolve("leaderboard-model-history.png"));

      browser.click(browser.find(view + " a.back"));
      assertTrue(visible(browser, "#board"));
      assertFalse(visible(browser, view));
      assertEquals("Podium leaderboard 2026-01-20", browser.title());
      // a point of the plot opens its model's view too
      browser.click(browser.find("#scatter a.point[data-model='" + BETA + "'] circle"));
      assertTrue(visible(browser, "article.model-view[data-model='" + BETA + "']"));
    }
  }

  private static boolean visible(Browser browser, String css) throws Exception {
    return browser.execute("var e = document.querySelector(arguments[0]);"
        + " return e !== null && e.getClientRects().length > 0;", css).asBoolean();
  }

  /** A table's body as text, row by row. */
  private static List<List<String>> table(Browser browser, String css) throws Exception {
    JsonNode rows = browser.execute("return Array.prototype.map.call(document.querySelectorAll(arguments[0]"
        + " + ' tbody tr'), function (r) { return Array.prototype.map.call(r.cells, function (c) {"
        + " return c.textContent.trim(); }); });", css);
    List<List<String>> out = new ArrayList<>();
    rows.forEach(r -> out.add(strings(r)));
    return out;
  }

  private static void screenshot(Browser browser, Path file) throws Exception {
    byte[] png = browser.screenshot();
    Files.write(file, png);
    assertTrue(png.length > 1000, "screenshot of " + png.length + " bytes");
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(png, 8));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
