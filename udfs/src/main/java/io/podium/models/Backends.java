package io.podium.models;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The registered {@link Backend}s, by name (found with {@link ServiceLoader}, once per JVM). */
public final class Backends {

  private static final Map<String, Backend> BY_NAME = load();

  private Backends() {}

  /** The backend of that name; the message lists the known ones. */
  public static Backend get(String name) {
    Backend backend = name == null ? null : BY_NAME.get(name);
    if (backend == null) {
      throw new IllegalArgumentException("backend must be " + known() + ", got " + name);
    }
    return backend;
  }

  /** The names, sorted. */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /** "builtin, onnx or openai". */
  static String known() {
    List<String> names = names();
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  private static Map<String, Backend> load() {
    Map<String, Backend> out = new TreeMap<>();
    for (Backend b : ServiceLoader.load(Backend.class, Backend.class.getClassLoader())) {
      Backend previous = out.put(b.name(), b);
      if (previous != null) {
        throw new IllegalStateException("two backends are named " + b.name() + ": " + previous.getClass().getName()
            + " and " + b.getClass().getName());
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no model backend is registered (META-INF/services/" + Backend.class.getName()
          + " is missing from the classpath)");
    }
    return out;
  }
}
