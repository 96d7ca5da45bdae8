package io.podium.leaderboard.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.leaderboard.view.SnapshotSelector.NoSuchSnapshotException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Selecting a snapshot from the list alone (no Spark): ids, prefixes, times, and the errors. */
class SnapshotSelectorTest {

  private static SnapshotInfo info(String id, String time) {
    return new SnapshotInfo(id, Instant.parse(time), "{}", "sympy_2024", "{}", 3);
  }

  private static final SnapshotInfo A = info("abcd1111", "2026-02-01T08:00:00Z");
  private static final SnapshotInfo B = info("abcd2222", "2026-02-01T20:00:00Z");
  private static final SnapshotInfo C = info("ef001234", "2026-03-01T00:00:00Z");
  private static final SnapshotSelector SELECTOR = new SnapshotSelector(List.of(C, A, B));

  @Test
  void latestIsTheLastTaken() {
    assertEquals(List.of(A, B, C), SELECTOR.snapshots());
    assertEquals(C, SELECTOR.latest());
  }

  @Test
  void idsAndUnambiguousPrefixes() {
    assertEquals(B, SELECTOR.select("abcd2222"));
    assertEquals(C, SELECTOR.select("ef00"));
    NoSuchSnapshotException ambiguous = assertThrows(NoSuchSnapshotException.class, () -> SELECTOR.select("abcd"));
    assertTrue(ambiguous.getMessage().startsWith("'abcd' is the start of 2 snapshot ids"), ambiguous.getMessage());
    // too short to be a prefix
    assertThrows(NoSuchSnapshotException.class, () -> SELECTOR.select("ef0"));
  }

  @Test
  void timesSelectTheLatestTakenAtOrBefore() {
    assertEquals(B, SELECTOR.select("2026-02-01"));                 // the whole day: both, B is later
    assertEquals(A, SELECTOR.select("2026-02-01T12:00"));           // no offset: UTC
    assertEquals(A, SELECTOR.select("2026-02-01 08:00:00"));        // a space for the T
    assertEquals(B, SELECTOR.select("2026-02-01T21:00:00+01:00"));  // 20:00 UTC exactly
    assertEquals(A, SELECTOR.select("2026-02-01T20:59:59+01:00"));
    assertEquals(B, SELECTOR.select("2026-02-28"));
    assertEquals(C, SELECTOR.select("2026-03-01T00:00:00Z"));
  }

  @Test
  void errorsListTheSnapshotsOldestFirst() {
    NoSuchSnapshotException before = assertThrows(NoSuchSnapshotException.class,
        () -> SELECTOR.select("2026-01-31"));
    assertEquals("no snapshot was taken at or before 2026-01-31T23:59:59.999999999Z ('2026-01-31');"
        + " the snapshots are (id, time taken, oldest first):\n"
        + "  abcd1111  2026-02-01T08:00:00Z  (3 models, math sympy_2024)\n"
        + "  abcd2222  2026-02-01T20:00:00Z  (3 models, math sympy_2024)\n"
        + "  ef001234  2026-03-01T00:00:00Z  (3 models, math sympy_2024)", before.getMessage());
    NoSuchSnapshotException empty = assertThrows(NoSuchSnapshotException.class,
        () -> new SnapshotSelector(List.of()).latest());
    assertEquals("the leaderboard table has no snapshot yet", empty.getMessage());
    NoSuchSnapshotException none = assertThrows(NoSuchSnapshotException.class,
        () -> new SnapshotSelector(List.of()).select("x"));
    assertTrue(none.getMessage().endsWith("; the leaderboard table has no snapshot yet"), none.getMessage());
  }

  @Test
  void redactionTakesCredentialsOutOfShownText() {
    assertEquals("{\"wh\":\"s3a://***@bucket/p\",\"v\":3}",
        Redaction.redact("{\"wh\":\"s3a://KEY:SECRET@bucket/p\",\"v\":3}"));
    assertEquals("https://host/x?a=1&X-Amz-Signature=***&b=2",
        Redaction.redact("https://host/x?a=1&X-Amz-Signature=abc123&b=2"));
    assertEquals("{\"task_scores\":3}", Redaction.redact("{\"task_scores\":3}"));
  }
}
