package io.podium.tasks.chat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The globals transformers adds to its Jinja environment (v4.45
 * {@code src/transformers/utils/chat_template_utils.py}, {@code _compile_jinja_template}):
 * {@code raise_exception(message)} raises {@code jinja2.exceptions.TemplateError(message)};
 * {@code strftime_now(format)} returns {@code datetime.now().strftime(format)}.
 */
public final class TemplateGlobals {
  private TemplateGlobals() {}

  private static volatile Clock clock = Clock.systemDefaultZone();

  /** Thrown by {@code raise_exception}; {@link ChatTemplate} turns it into a ChatTemplateException. */
  static final class Raised extends RuntimeException {
    Raised(String message) {
      super(message, null, false, false);
    }
  }

  /** For tests only: fix the clock {@code strftime_now} reads. */
  static void useClock(Clock c) {
    clock = c == null ? Clock.systemDefaultZone() : c;
  }

  public static String raiseException(Object message) {
    throw new Raised(String.valueOf(message));
  }

  public static String strftimeNow(String format) {
    return strftime(LocalDateTime.now(clock), format);
  }

  /** CPython's {@code strftime} in the C locale, for the directives templates use. */
  static String strftime(LocalDateTime t, String format) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%' || i + 1 == format.length()) {
        sb.append(c);
        continue;
      }
      char d = format.charAt(++i);
      switch (d) {
        case 'd' -> sb.append(String.format("%02d", t.getDayOfMonth()));
        case 'm' -> sb.append(String.format("%02d", t.getMonthValue()));
        case 'Y' -> sb.append(t.getYear());
        case 'y' -> sb.append(String.format("%02d", t.getYear() % 100));
        case 'H' -> sb.append(String.format("%02d", t.getHour()));
        case 'M' -> sb.append(String.format("%02d", t.getMinute()));
        case 'S' -> sb.append(String.format("%02d", t.getSecond()));
        case 'j' -> sb.append(String.format("%03d", t.getDayOfYear()));
        case 'b' -> sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US));
        case 'B' -> sb.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
        case 'a' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US));
        case 'A' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
        case '%' -> sb.append('%');
        default -> sb.append('%').append(d);
      }
    }
    return sb.toString();
  }
}
