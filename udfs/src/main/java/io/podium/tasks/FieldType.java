package io.podium.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.podium.python.PyLiteral;
import io.podium.python.PyStr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The type a task definition requires of a document field. {@link #coerce} checks a raw
 * value and returns it in canonical form, or throws {@link InvalidDocException} with a reason
 * fit for {@code ingest_rejects}.
 */
public enum FieldType {
  STRING("string"),
  /** A string, or null/absent (GPQA's optional answers). */
  OPTIONAL_STRING("optional_string"),
  INT("int"),
  /**
   * A list of strings; also accepted as a string holding a Python list literal, the way
   * TAUR-Lab/MuSR stores its choices ({@code "['a', 'b']"}).
   */
  STRING_LIST("string_list"),
  /** A list of JSON objects (IFEval's kwargs). */
  OBJECT_LIST("object_list");

  private final String yamlName;

  FieldType(String yamlName) {
    this.yamlName = yamlName;
  }

  @JsonValue
  public String yamlName() {
    return yamlName;
  }

  @JsonCreator
  public static FieldType of(String name) {
    for (FieldType t : values()) {
      if (t.yamlName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown field type '" + name + "'");
  }

  public Object coerce(String field, Object value) {
    if (value == null) {
      if (this == OPTIONAL_STRING) {
        return null;
      }
      throw new InvalidDocException("missing field '" + field + "' (" + yamlName + ")");
    }
    switch (this) {
      case STRING, OPTIONAL_STRING -> {
        if (value instanceof String) {
          return value;
        }
      }
      case INT -> {
        if (value instanceof Integer || value instanceof Long) {
          return ((Number) value).intValue();
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
          return n.intValue();
        }
      }
      case STRING_LIST -> {
        if (value instanceof String s && s.trim().startsWith("[")) {
          try {
            return PyLiteral.parseStringList(s);
          } catch (IllegalArgumentException e) {
            throw new InvalidDocException("field '" + field + "' is not a list of strings: " + e.getMessage());
          }
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
          return new ArrayList<>(list);
        }
      }
      case OBJECT_LIST -> {
        if (value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
          return value;
        }
      }
    }
    throw new InvalidDocException("field '" + field + "' should be " + yamlName + " but is "
        + describe(value) + ": " + abbreviate(PyStr.repr(value)));
  }

  private static String describe(Object value) {
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof List) {
      return "a list";
    }
    return value instanceof Map ? "an object" : value.getClass().getSimpleName();
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
