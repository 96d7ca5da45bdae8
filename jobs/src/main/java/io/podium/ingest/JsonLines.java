package io.podium.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The lines of a JSON Lines file, read as bytes so that a bad line is that line's problem, not
 * the file's: a line that is not UTF-8 is reported as such (never decoded into replacement
 * characters), a line longer than {@link #MAX_LINE_BYTES} is reported with its length and skipped
 * without being held in memory, and a byte order mark before the first line is dropped (as
 * Python's {@code utf-8-sig} does). Lines end at {@code \n}, with an optional {@code \r} before it.
 */
final class JsonLines {

  /** The longest line read: a benchmark record is kilobytes; a longer line is a broken file. */
  static final int MAX_LINE_BYTES = 16 << 20;

  /**
   * A line: its number, and its text or why it has none.
   *
   * @param number 1-based line number
   * @param text the decoded line, or null when {@code error} is set
   * @param error why the line cannot be read, or null
   * @param bytes the line's length in bytes
   */
  record Line(long number, String text, String error, long bytes) {}

  private JsonLines() {}

  static void read(InputStream in, Consumer<Line> out) throws IOException {
    read(in, MAX_LINE_BYTES, out);
  }

  static void read(InputStream in, int maxLineBytes, Consumer<Line> out) throws IOException {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
    byte[] buffer = new byte[65_536];
    long number = 1;
    long length = 0;
    boolean first = true;
    int n;
    while ((n = in.read(buffer)) > 0) {
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (buffer[i] == '\n') {
          length += append(line, buffer, start, i - start, length, maxLineBytes);
          out.accept(line(number++, line, length, maxLineBytes, utf8, first));
          first = false;
          line.reset();
          length = 0;
          start = i + 1;
        }
      }
      length += append(line, buffer, start, n - start, length, maxLineBytes);
    }
    if (length > 0) {
      out.accept(line(number, line, length, maxLineBytes, utf8, first));
    }
  }

  /** Keeps a line's bytes while it is within the limit; counts them either way. */
  private static int append(ByteArrayOutputStream line, byte[] b, int from, int count, long sofar, int max) {
    if (sofar + count <= max) {
      line.write(b, from, count);
    }
    return count;
  }

  private static Line line(long number, ByteArrayOutputStream bytes, long length, int max, CharsetDecoder utf8,
      boolean first) {
    if (length > max) {
      return new Line(number, null, String.format(Locale.ROOT,
          "the line is %,d bytes, more than the %,d a record may have", length, max), length);
    }
    byte[] b = bytes.toByteArray();
    int from = first && b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF
        ? 3 : 0;
    int to = b.length > from && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
    try {
      return new Line(number, utf8.decode(ByteBuffer.wrap(b, from, to - from)).toString(), null, length);
    } catch (CharacterCodingException e) {
      return new Line(number, null, "not UTF-8 (bytes " + hexAround(b, firstBad(b, from, to)) + ")", length);
    }
  }

  /** The offset of the first byte that does not decode, found by decoding ever longer prefixes. */
  private static int firstBad(byte[] b, int from, int to) {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, from, to - from);
    CharBuffer out = CharBuffer.allocate(to - from + 1);
    CoderResult r = utf8.decode(in, out, true);
    return r.isError() ? in.position() : from;
  }

  private static String hexAround(byte[] b, int at) {
    StringBuilder s = new StringBuilder();
    for (int i = at; i < Math.min(b.length, at + 4); i++) {
      s.append(s.isEmpty() ? "" : " ").append(String.format("%02X", b[i] & 0xff));
    }
    return s + " at byte " + (at + 1) + " of the line";
  }
}
