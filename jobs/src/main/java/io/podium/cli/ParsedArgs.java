package io.podium.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options and positional arguments of one command line, checked against its options. */
public final class ParsedArgs {

  private final Map<String, List<String>> values;
  private final List<String> positionals;

  private ParsedArgs(Map<String, List<String>> values, List<String> positionals) {
    this.values = values;
    this.positionals = positionals;
  }

  /** Parses {@code --name value}, {@code --name=value} and flags; anything else is positional. */
  public static ParsedArgs parse(String command, List<Option> options, List<String> args) {
    Map<String, Option> byName = new LinkedHashMap<>();
    for (Option o : options) {
      byName.put(o.name(), o);
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    List<String> positionals = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--") || arg.equals("--")) {
        positionals.add(arg);
        continue;
      }
      String name = arg.substring(2);
      String inline = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        inline = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      Option option = byName.get(name);
      if (option == null) {
        throw new UsageException("podium " + command + ": unknown option --" + name
            + " (see podium " + command + " --help)");
      }
      String value;
      if (!option.takesValue()) {
        if (inline != null) {
          throw new UsageException("podium " + command + ": --" + name + " takes no value");
        }
        value = "true";
      } else if (inline != null) {
        value = inline;
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new UsageException("podium " + command + ": --" + name + " needs a value <" + option.valueName() + ">");
      }
      List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
      if (!list.isEmpty() && !option.repeatable()) {
        throw new UsageException("podium " + command + ": --" + name + " given twice");
      }
      list.add(value);
    }
    return new ParsedArgs(values, positionals);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public String get(String name) {
    List<String> list = values.get(name);
    return list == null ? null : list.get(0);
  }

  public String get(String name, String defaultValue) {
    String v = get(name);
    return v == null ? defaultValue : v;
  }

  public int getInt(String name, int defaultValue) {
    String v = get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " needs an integer, got '" + v + "'");
    }
  }

  /** A number, or null when the option is not given. */
  public Double getDouble(String name) {
    String v = get(name);
    if (v == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(v.strip());
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new UsageException("--" + name + " needs a number, got '" + v + "'");
  }

  public List<String> getAll(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** Values of a repeatable option, each also split at commas. */
  public List<String> getList(String name) {
    List<String> out = new ArrayList<>();
    for (String v : getAll(name)) {
      for (String part : v.split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }

  public List<String> positionals() {
    return positionals;
  }
}
