package io.podium.tasks;

import io.podium.python.PyStr;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The small subset of Jinja that the harness's task templates use, so that a template in
 * {@code conf/benchmarks/} reads like the harness's YAML:
 *
 * <ul>
 *   <li>{@code {{ name }}}, {@code {{ name.field }}}: a document field, rendered as Python's
 *       {@code str()} would render it;
 *   <li>{@code {% for x in name %}...{% endfor %}}: a loop over a list field, with
 *       {@code loop.index} (1-based), {@code loop.index0} and {@code loop.letter} (A, B, ...).
 * </ul>
 *
 * As in Jinja's defaults, a single trailing newline of the template is dropped. Anything else
 * is a syntax error naming the template, so a typo in a task definition fails at load time.
 */
public final class Template implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final List<Node> nodes;

  private Template(String source, List<Node> nodes) {
    this.source = source;
    this.nodes = nodes;
  }

  public static Template parse(String source) {
    String body = source.endsWith("\n") ? source.substring(0, source.length() - 1) : source;
    Parser parser = new Parser(source, body);
    List<Node> nodes = parser.parseUntil(null);
    return new Template(source, nodes);
  }

  public String source() {
    return source;
  }

  public String render(Map<String, ?> doc) {
    StringBuilder out = new StringBuilder();
    Scope scope = new Scope(doc, null, null, null);
    for (Node node : nodes) {
      node.render(scope, out);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return source;
  }

  // ---------------------------------------------------------------- evaluation

  private record Scope(Map<String, ?> doc, Scope parent, String var, Object value) {
    Object lookup(String name) {
      if (name.equals(var)) {
        return value;
      }
      if (parent != null) {
        return parent.lookup(name);
      }
      if (!doc.containsKey(name)) {
        throw new TemplateException("field '" + name + "' is not in the document (fields: " + doc.keySet() + ")");
      }
      return doc.get(name);
    }
  }

  private interface Node extends Serializable {
    void render(Scope scope, StringBuilder out);
  }

  private record Text(String text) implements Node {
    public void render(Scope scope, StringBuilder out) {
      out.append(text);
    }
  }

  private record Expr(List<String> path) implements Node {
    public void render(Scope scope, StringBuilder out) {
      Object value = scope.lookup(path.get(0));
      for (int i = 1; i < path.size(); i++) {
        String key = path.get(i);
        if (!(value instanceof Map<?, ?> map) || !map.containsKey(key)) {
          throw new TemplateException("'" + String.join(".", path.subList(0, i)) + "' has no field '" + key + "'");
        }
        value = map.get(key);
      }
      out.append(PyStr.str(value));
    }
  }

  private record ForLoop(String var, String listName, List<Node> body) implements Node {
    public void render(Scope scope, StringBuilder out) {
      Object value = scope.lookup(listName);
      if (!(value instanceof List<?> list)) {
        throw new TemplateException("'" + listName + "' is not a list: " + PyStr.str(value));
      }
      for (int i = 0; i < list.size(); i++) {
        Map<String, Object> loop = Map.of(
            "index", i + 1,
            "index0", i,
            "letter", String.valueOf((char) ('A' + i)));
        Scope inner = new Scope(scope.doc(), new Scope(scope.doc(), scope, var, list.get(i)), "loop", loop);
        for (Node node : body) {
          node.render(inner, out);
        }
      }
    }
  }

  // ---------------------------------------------------------------- parsing

  private static final class Parser {
    private final String source;
    private final String body;
    private int pos;

    Parser(String source, String body) {
      this.source = source;
      this.body = body;
    }

    List<Node> parseUntil(String endTag) {
      List<Node> nodes = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      while (pos < body.length()) {
        if (body.startsWith("{{", pos)) {
          flush(text, nodes);
          String inner = block("{{", "}}");
          nodes.add(new Expr(List.of(identifierPath(inner).split("\\."))));
        } else if (body.startsWith("{%", pos)) {
          flush(text, nodes);
          String[] words = block("{%", "%}").split("\\s+");
          if (words.length == 1 && words[0].equals(endTag)) {
            return nodes;
          }
          if (words.length == 4 && words[0].equals("for") && words[2].equals("in")) {
            String var = identifierPath(words[1]);
            String list = identifierPath(words[3]);
            nodes.add(new ForLoop(var, list, parseUntil("endfor")));
          } else {
            throw error("unsupported tag {% " + String.join(" ", words) + " %}");
          }
        } else {
          text.append(body.charAt(pos++));
        }
      }
      if (endTag != null) {
        throw error("missing {% " + endTag + " %}");
      }
      flush(text, nodes);
      return nodes;
    }

    private String block(String open, String close) {
      int end = body.indexOf(close, pos + open.length());
      if (end < 0) {
        throw error("unclosed " + open + " at offset " + pos);
      }
      String inner = body.substring(pos + open.length(), end).trim();
      pos = end + close.length();
      return inner;
    }

    private String identifierPath(String s) {
      if (!s.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
        throw error("'" + s + "' is not a field name; only {{ field }} and {{ field.sub }} are supported");
      }
      return s;
    }

    private static void flush(StringBuilder text, List<Node> nodes) {
      if (text.length() > 0) {
        nodes.add(new Text(text.toString()));
        text.setLength(0);
      }
    }

    private TemplateException error(String message) {
      return new TemplateException(message + " in template " + PyStr.repr(source));
    }
  }

  /** A template that cannot be parsed or rendered against a document. */
  public static final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
      super(message);
    }
  }
}
