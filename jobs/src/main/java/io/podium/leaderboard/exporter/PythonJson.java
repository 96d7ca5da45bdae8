package io.podium.leaderboard.exporter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's {@code json.dumps(value, indent=2, ensure_ascii=False)}, the text the harness hashes
 * into a sample's {@code doc_hash} ({@code lm_eval/evaluator.py}, line 516): two-space indent,
 * {@code ", "} replaced by {@code ","} and a new line, {@code ": "} after keys, only {@code "},
 * {@code \} and control characters escaped, floats as {@code repr}.
 */
final class PythonJson {

  private PythonJson() {}

  static String dumpsIndent2(JsonNode value) {
    StringBuilder out = new StringBuilder();
    write(value, 0, out);
    return out.toString();
  }

  private static void write(JsonNode v, int depth, StringBuilder out) {
    if (v.isObject()) {
      if (v.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.append(first ? "" : ",").append('\n').append("  ".repeat(depth + 1));
        string(e.getKey(), out);
        out.append(": ");
        write(e.getValue(), depth + 1, out);
        first = false;
      }
      out.append('\n').append("  ".repeat(depth)).append('}');
    } else if (v.isArray()) {
      if (v.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      for (int i = 0; i < v.size(); i++) {
        out.append(i == 0 ? "" : ",").append('\n').append("  ".repeat(depth + 1));
        write(v.get(i), depth + 1, out);
      }
      out.append('\n').append("  ".repeat(depth)).append(']');
    } else if (v.isTextual()) {
      string(v.textValue(), out);
    } else if (v.isIntegralNumber()) {
      out.append(v.bigIntegerValue());
    } else if (v.isNumber()) {
      double d = v.doubleValue();
      out.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : PythonStr.of(d));
    } else if (v.isBoolean()) {
      out.append(v.booleanValue() ? "true" : "false");
    } else {
      out.append("null");
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
