package io.podium.tasks.chat;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import io.podium.python.PyJson;
import io.podium.python.PyStr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Jinjava filters that give templates Python's semantics where Jinjava's differ.
 *
 * <ul>
 *   <li>{@code py_strip}, {@code py_split}, ...: the Python {@code str} methods
 *       ({@link TemplateSource} rewrites {@code x.strip()} into {@code x|py_strip()}).
 *   <li>{@code trim}: jinja2's {@code do_trim(value, chars=None)} is {@code value.strip(chars)}
 *       (Unicode whitespace); Jinjava's uses Java's {@code String.trim()} (every char up to
 *       U+0020, no Unicode spaces).
 *   <li>{@code tojson}: transformers' override, {@code json.dumps(x, ensure_ascii=False,
 *       indent=indent, separators=separators, sort_keys=sort_keys)}; Jinjava's uses Jackson.
 * </ul>
 */
final class PyFilters {
  private PyFilters() {}

  static List<Filter> all() {
    List<Filter> f = new ArrayList<>();
    f.add(of("py_strip", (s, a) -> PyStr.strip(s, str(a, 0))));
    f.add(of("trim", (s, a) -> PyStr.strip(s, str(a, 0))));
    f.add(of("py_lstrip", (s, a) -> PyStr.lstrip(s, str(a, 0))));
    f.add(of("py_rstrip", (s, a) -> PyStr.rstrip(s, str(a, 0))));
    f.add(of("py_startswith", (s, a) -> s.startsWith(str(a, 0))));
    f.add(of("py_endswith", (s, a) -> s.endsWith(str(a, 0))));
    f.add(of("py_split", (s, a) -> PyStr.split(s, str(a, 0), a.length > 1 ? num(a[1]) : -1)));
    f.add(of("py_title", (s, a) -> PyStr.title(s)));
    f.add(of("py_capitalize", (s, a) -> PyStr.capitalize(s)));
    f.add(of("py_upper", (s, a) -> s.toUpperCase(java.util.Locale.ROOT)));
    f.add(of("py_lower", (s, a) -> s.toLowerCase(java.util.Locale.ROOT)));
    f.add(of("py_replace", (s, a) -> PyStr.replace(s, str(a, 0), str(a, 1), a.length > 2 ? num(a[2]) : -1)));
    f.add(new Items());
    f.add(new ToJson());
    return f;
  }

  private static String str(Object[] args, int i) {
    return args.length > i && args[i] != null ? args[i].toString() : null;
  }

  private static int num(Object o) {
    return o instanceof Number n ? n.intValue() : Integer.parseInt(o.toString());
  }

  private static Filter of(String name, BiFunction<String, Object[], Object> body) {
    return new Filter() {
      @Override
      public String getName() {
        return name;
      }

      @Override
      public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        return filter(var, interpreter, (Object[]) args, Map.of());
      }

      @Override
      public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args,
          Map<String, Object> kwargs) {
        if (var == null) return null;
        return body.apply(var.toString(), args);
      }
    };
  }

  /** {@code dict.items()} as a list of [key, value] pairs. */
  private static final class Items implements Filter {
    @Override
    public String getName() {
      return "py_items";
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
      List<List<Object>> out = new ArrayList<>();
      if (var instanceof Map<?, ?> m) m.forEach((k, v) -> out.add(List.of(k, v)));
      return out;
    }
  }

  private static final class ToJson implements Filter {
    @Override
    public String getName() {
      return "tojson";
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
      return filter(var, interpreter, (Object[]) args, Map.of());
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args,
        Map<String, Object> kwargs) {
      Object indent = kwargs.getOrDefault("indent", args.length > 0 ? args[0] : null);
      Object seps = kwargs.get("separators");
      String item = null;
      String key = null;
      if (seps instanceof List<?> l && l.size() == 2) {
        item = String.valueOf(l.get(0));
        key = String.valueOf(l.get(1));
      }
      boolean sort = Boolean.TRUE.equals(kwargs.get("sort_keys"));
      return PyJson.dumps(var, indent == null ? null : num(indent), item, key, sort, false);
    }
  }
}
