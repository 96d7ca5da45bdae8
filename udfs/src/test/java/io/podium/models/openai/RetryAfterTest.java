package io.podium.models.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retry-After as RFC 9110 has it: seconds, or an HTTP date. */
class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

  @Test
  void secondsOrADate() {
    assertEquals(Duration.ofSeconds(120), RetryAfter.parse("120", NOW));
    assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Mon, 07 Dec 2026 08:01:30 GMT", NOW));
    assertEquals(Duration.ZERO, RetryAfter.parse("Mon, 07 Dec 2026 07:59:00 GMT", NOW), "a date passed: now");
  }

  @Test
  void anythingElseIsNoAdvice() {
    assertNull(RetryAfter.parse(null, NOW));
    assertNull(RetryAfter.parse("", NOW));
    assertNull(RetryAfter.parse("soon", NOW));
    assertNull(RetryAfter.parse("-5", NOW));
    assertNull(RetryAfter.parse("99999999999999999999999", NOW));
  }
}
