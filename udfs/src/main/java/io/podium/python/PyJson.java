package io.podium.python;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Python's {@code json.dumps}. With its defaults ({@link #dumps(Object)}: {@code ", "} and
 * {@code ": "} separators, {@code ensure_ascii}, so every character outside ASCII is a lowercase
 * {@code \\uXXXX} escape of its UTF-16 units), files are byte for byte what the Python reference
 * tools write. With {@code ensure_ascii=False} and the given indent, separators and key order it
 * is the {@code tojson} filter transformers installs for chat templates (transformers v4.45
 * {@code utils/chat_template_utils.py}, {@code _compile_jinja_template}, the nested
 * {@code def tojson}), because Jinja's own escapes HTML characters.
 */
public final class PyJson {
  private PyJson() {}

  /** {@code json.dumps(x)}. */
  public static String dumps(Object x) {
    return dumps(x, null, null, null, false, true);
  }

  /**
   * {@code json.dumps(x, ensure_ascii=ensureAscii, indent=indent, separators=(itemSep, keySep),
   * sort_keys=sortKeys)}; a null separator is Python's default for that indent.
   */
  public static String dumps(Object x, Integer indent, String itemSep, String keySep, boolean sortKeys,
      boolean ensureAscii) {
    String item = itemSep != null ? itemSep : (indent == null ? ", " : ",");
    String key = keySep != null ? keySep : ": ";
    StringBuilder sb = new StringBuilder();
    write(sb, x, indent, item, key, sortKeys, ensureAscii, 0);
    return sb.toString();
  }

  private static void newline(StringBuilder sb, Integer indent, int level) {
    if (indent == null) return;
    sb.append('\n');
    sb.append(" ".repeat(indent * level));
  }

  private static void write(StringBuilder sb, Object x, Integer indent, String item, String key,
      boolean sortKeys, boolean ascii, int level) {
    if (x == null) {
      sb.append("null");
    } else if (x instanceof Boolean b) {
      sb.append(b ? "true" : "false");
    } else if (x instanceof Double || x instanceof Float) {
      double d = ((Number) x).doubleValue();
      if (Double.isNaN(d)) sb.append("NaN");
      else if (Double.isInfinite(d)) sb.append(d > 0 ? "Infinity" : "-Infinity");
      else sb.append(PyFloat.repr(d));
    } else if (x instanceof Number n) {
      sb.append(n.toString());
    } else if (x instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        sb.append("{}");
        return;
      }
      Map<?, ?> entries = sortKeys ? new TreeMap<>(stringKeys(m)) : m;
      sb.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = entries.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        newline(sb, indent, level + 1);
        string(sb, String.valueOf(e.getKey()), ascii);
        sb.append(key);
        write(sb, e.getValue(), indent, item, key, sortKeys, ascii, level + 1);
        if (it.hasNext()) sb.append(item);
      }
      newline(sb, indent, level);
      sb.append('}');
    } else if (x instanceof Collection<?> c) {
      if (c.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append('[');
      Iterator<?> it = c.iterator();
      while (it.hasNext()) {
        newline(sb, indent, level + 1);
        write(sb, it.next(), indent, item, key, sortKeys, ascii, level + 1);
        if (it.hasNext()) sb.append(item);
      }
      newline(sb, indent, level);
      sb.append(']');
    } else {
      string(sb, x.toString(), ascii);
    }
  }

  private static Map<String, Object> stringKeys(Map<?, ?> m) {
    Map<String, Object> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  /**
   * {@code json.encoder.py_encode_basestring}: quote, backslash and controls escaped; with
   * {@code ascii} ({@code py_encode_basestring_ascii}) every character outside ASCII too.
   */
  private static void string(StringBuilder sb, String s, boolean ascii) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || (ascii && c > 0x7e)) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}
