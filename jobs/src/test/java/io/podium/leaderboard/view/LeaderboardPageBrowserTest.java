package io.podium.leaderboard.view;

import static io.podium.leaderboard.view.LeaderboardFixture.ALPHA;
import static io.podium.leaderboard.view.LeaderboardFixture.BETA;
import static io.podium.leaderboard.view.LeaderboardFixture.DELTA;
import static io.podium.leaderboard.view.LeaderboardFixture.EPSILON;
import static io.podium.leaderboard.view.LeaderboardFixture.EVIL;
import static io.podium.leaderboard.view.LeaderboardFixture.EVIL_ID;
import static io.podium.leaderboard.view.LeaderboardFixture.S3;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML page in a real Chromium (headless, through chromedriver): it renders, sorts by a
 * clicked column (again: reversed; numbers as numbers), shows the hostile model id as text,
 * loads nothing from anywhere, and looks like something (a screenshot under target/).
 */
class LeaderboardPageBrowserTest {

  @TempDir
  Path tmp;

  private static final String ROW_ORDER = "return Array.prototype.map.call("
      + "document.querySelectorAll('#leaderboard tbody tr'), function (r) { return r.getAttribute('data-model'); });";

  @Test
  void thePageRendersAndSortsInChromium() throws Exception {
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
      // ties: rank 1 is tied with rank 2
      assertEquals("1=", browser.text(browser.find("#leaderboard tbody tr:nth-child(1) td.rank")));
      assertEquals("2=", browser.text(browser.find("#leaderboard tbody tr:nth-child(2) td.rank")));
      // unranked apart, with what they miss
      assertEquals(List.of(DELTA), strings(browser.execute("return Array.prototype.map.call("
          + "document.querySelectorAll('#unranked tbody tr'), function (r) { return r.getAttribute('data-model'); });")));
      assertEquals("mmlu_pro, bbh/navigate", browser.text(browser.find("#unranked td.missing")));
      // nothing was fetched: no resource besides the page itself
      assertEquals(0, browser.execute("return performance.getEntriesByType('resource').length;").asInt());

      browser.click(browser.find("#leaderboard th[data-col=model]"));
      assertEquals(List.of(ALPHA, BETA, EPSILON, EVIL), strings(browser.execute(ROW_ORDER)));
      browser.click(browser.find("#leaderboard th[data-col=model]"));
      assertEquals(List.of(EVIL, EPSILON, BETA, ALPHA), strings(browser.execute(ROW_ORDER)));
      // GPQA: highest first, as numbers (30 > 10.25 > 9.5 > 2; as text 9.5 would come before 30)
      browser.click(browser.find("#leaderboard th[data-col=gpqa]"));
      assertEquals(List.of(EVIL, ALPHA, EPSILON, BETA), strings(browser.execute(ROW_ORDER)));
      assertEquals("descending", browser.execute(
          "return document.querySelector('#leaderboard th[data-col=gpqa]').getAttribute('aria-sort');").asText());
      browser.click(browser.find("#leaderboard th[data-col=gpqa]"));
      assertEquals(List.of(BETA, EPSILON, ALPHA, EVIL), strings(browser.execute(ROW_ORDER)));
      browser.click(browser.find("#leaderboard th[data-col=rank]"));
      assertEquals(List.of(EPSILON, ALPHA, BETA, EVIL), strings(browser.execute(ROW_ORDER)));

      byte[] png = browser.screenshot();
      Path shot = out.resolve("leaderboard.png");
      Files.write(shot, png);
      assertTrue(png.length > 1000, "screenshot of " + png.length + " bytes");
      assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(png, 8));
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
