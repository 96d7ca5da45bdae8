package io.podium.scoring.ifeval.instructions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An instruction's kwargs, as the reference hands them to {@code build_description}: the dataset
 * stores every possible argument, with null for the unused ones, and the harness keeps only the
 * truthy values ({@code {k: v for k, v in kwargs.items() if v}}), so null, 0, "" and [] all mean
 * "not given".
 *
 * <p>Where an argument is missing, the reference draws a random value; Podium cannot reproduce a
 * random draw, so the {@code require...} methods reject the prompt instead.
 */
public final class InstructionArgs {

  private final String instructionId;
  private final Map<String, Object> values;

  public InstructionArgs(String instructionId, Map<String, ?> kwargs) {
    this.instructionId = instructionId;
    Map<String, Object> kept = new LinkedHashMap<>();
    if (kwargs != null) {
      kwargs.forEach((k, v) -> {
        if (isTruthy(v)) {
          kept.put(k, v);
        }
      });
    }
    this.values = kept;
  }

  /** Python's truth value of a JSON value. */
  static boolean isTruthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (v instanceof CharSequence s) {
      return s.length() > 0;
    }
    if (v instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return true;
  }

  /** The instruction id these arguments belong to. */
  public String instructionId() {
    return instructionId;
  }

  /** Whether the (truthy) argument is present. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The string argument, if given. */
  public Optional<String> string(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof String s)) {
      throw invalid(name, "a string", v);
    }
    return Optional.of(s);
  }

  /** The integer argument, if given. */
  public Optional<Integer> integer(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw invalid(name, "an integer", v);
    }
    return Optional.of(n.intValue());
  }

  /** The list-of-strings argument, if given. */
  public Optional<List<String>> strings(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof List<?> list)) {
      throw invalid(name, "a list of strings", v);
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object o : list) {
      if (!(o instanceof String s)) {
        throw invalid(name, "a list of strings", v);
      }
      out.add(s);
    }
    return Optional.of(List.copyOf(out));
  }

  public String requireString(String name) {
    return string(name).orElseThrow(() -> missing(name));
  }

  public int requireInt(String name) {
    return integer(name).orElseThrow(() -> missing(name));
  }

  /**
   * A count or threshold: present and not negative (for a negative one, too, the reference draws
   * a random value).
   */
  public int requireCount(String name) {
    int n = requireInt(name);
    if (n < 0) {
      throw new IllegalArgumentException(instructionId + ": kwarg '" + name + "' is negative ("
          + n + "; the reference would draw a random value)");
    }
    return n;
  }

  public List<String> requireStrings(String name) {
    return strings(name).orElseThrow(() -> missing(name));
  }

  public Relation requireRelation(String name) {
    return Relation.parse(requireString(name));
  }

  private IllegalArgumentException missing(String name) {
    return new IllegalArgumentException(instructionId + ": kwarg '" + name
        + "' is missing (the reference would draw a random value)");
  }

  private IllegalArgumentException invalid(String name, String expected, Object v) {
    return new IllegalArgumentException(instructionId + ": kwarg '" + name + "' should be "
        + expected + ", not " + v);
  }
}
