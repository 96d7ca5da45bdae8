package io.podium.models.openai;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** HTTP's {@code Retry-After} header (RFC 9110, 10.2.3): a number of seconds, or an HTTP date. */
final class RetryAfter {

  private RetryAfter() {}

  /** How long the server asks to wait, or null when the header is absent or unreadable. */
  static Duration parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String v = header.strip();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException tooLong) {
        return null;
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }
}
