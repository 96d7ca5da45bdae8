package io.podium.tasks.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every conversation through every real template (and through small templates that exercise
 * each Jinjava difference we bridge), rendered here and by Python jinja2 set up as transformers
 * sets it up ({@code src/test/python/render_chat_templates.py}); the two must agree exactly,
 * including which cases raise and with what message. Skipped where python3 with jinja2 is missing.
 */
class ChatTemplateAgreementTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATE = "2024-07-26";

  /** Small templates for the Python semantics real templates rely on. */
  static final Map<String, String> SYNTHETIC = new LinkedHashMap<>();

  static {
    SYNTHETIC.put("py-methods", "{% for m in messages %}[{{ m.content.strip() }}|{{ m['content'].lstrip() }}|"
        + "{{ m.content.rstrip() }}|{{ m.content.upper() }}|{{ m.content.lower() }}|{{ m.content.title() }}|"
        + "{{ m.content.replace('a', 'A') }}|{{ m.content.split() | length }}|{{ m.content.split(',') | join(';') }}|"
        + "{% if m.content.startswith('  ') %}S{% endif %}{% if m.content.endswith('\\n') %}E{% endif %}|{{ m.role.title() + ': ' ~ m.content | trim }}]"
        + "{% endfor %}");
    SYNTHETIC.put("loop-ns-slices", "{%- set ns = namespace(n=0, sys=false) %}\n"
        + "{%- for m in messages[1:] %}\n"
        + "  {%- if m.role == 'assistant' %}{% continue %}{% endif %}\n"
        + "  {%- set ns.n = ns.n + 1 %}\n"
        + "  {{- loop.index0 }}{% if loop.first %}F{% endif %}{% if loop.last %}L{% endif %}{{ ':' ~ m['content'] }}\n"
        + "  {%- if ns.n > 2 %}{% break %}{% endif %}\n"
        + "{%- endfor %}\n"
        + "{{- '|' ~ ns.n ~ '|' ~ (messages | length) }}\n"
        + "{%- if messages[0].content is string %}S{% endif %}{% if undefined_thing is defined %}D{% endif %}"
        + "{% if messages[0].content is none %}N{% endif %}\n");
    SYNTHETIC.put("lstrip-trim-blocks", "<start>\n    {% for m in messages %}\n    {{ m.role }}:\n"
        + "        {% if m.content %}\n  {{ m.content }}\n        {% else %}\n(empty)\n        {% endif %}\n"
        + "    {# a comment #}\n    {% endfor %}\n{% if add_generation_prompt %}  <gen>\n{% endif %}\n");
    SYNTHETIC.put("tojson-strftime", "{{ messages | tojson }}|{{ messages[0] | tojson(indent=2) }}|"
        + "{{ strftime_now('%d %b %Y') }}|{{ strftime_now('%Y-%m-%d %A %B') }}");
    SYNTHETIC.put("trailing-newline", "{% for m in messages %}{{ m.content }}\n{% endfor %}\n\n");
  }

  static List<List<ChatMessage>> conversations() {
    List<List<ChatMessage>> c = new ArrayList<>();
    c.add(List.of(ChatMessage.user("Hello")));
    c.add(List.of(ChatMessage.system("You are a helpful assistant."), ChatMessage.user("What is 2+2?")));
    c.add(List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi"), ChatMessage.assistant("Hello!"),
        ChatMessage.user("Who are you?"), ChatMessage.assistant("   I am an assistant   "),
        ChatMessage.user("Another question")));
    c.add(List.of(ChatMessage.user("Q: 1+1?"), ChatMessage.assistant("A: 2"), ChatMessage.user("Q: 2+2?"),
        ChatMessage.assistant("A: 4"), ChatMessage.user("Q: 3+3?"), ChatMessage.assistant("A: 6"),
        ChatMessage.user("Q: 4+4?")));
    c.add(List.of(ChatMessage.user("  \n leading and trailing spaces and newlines \n\n  ")));
    c.add(List.of(ChatMessage.system("\tSystem\twith tabs\t"), ChatMessage.user("\n\nq\n")));
    c.add(List.of(ChatMessage.user("Ünïcødé — 日本語 🎉 naïve café"), ChatMessage.assistant("\u00a0nbsp\u00a0"),
        ChatMessage.user("\u3000ideographic\u3000 \u2028line sep\u2029")));
    c.add(List.of(ChatMessage.user("{{ x }} {% if y %}z{% endif %} {# c #} {{ bos_token }} {%- raw %}")));
    c.add(List.of(ChatMessage.user("")));
    c.add(List.of(ChatMessage.system(""), ChatMessage.user("u"), ChatMessage.assistant(""), ChatMessage.user("v")));
    c.add(List.of(ChatMessage.user("quotes ' \" and backslash \\ and </s> <|eot_id|>")));
    c.add(List.of(ChatMessage.user("a, b,, c"), ChatMessage.user("double user")));
    c.add(List.of(ChatMessage.assistant("starts with assistant"), ChatMessage.user("then user")));
    c.add(List.of(ChatMessage.system("only system")));
    c.add(List.of(ChatMessage.user("control \u0001 char \u000b vt"), ChatMessage.assistant("mIxEd cAsE o'neil x2y")));
    return c;
  }

  private static Path script() {
    String root = System.getProperty("podium.root", ".");
    Path p = Path.of(root, "udfs/src/test/python/render_chat_templates.py");
    return Files.exists(p) ? p : Path.of("src/test/python/render_chat_templates.py");
  }

  @BeforeAll
  static void fixDate() {
    TemplateGlobals.useClock(Clock.fixed(LocalDate.parse(DATE).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
  }

  @AfterAll
  static void unfixDate() {
    TemplateGlobals.useClock(null);
  }

  private static void assumePythonJinja() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import jinja2").redirectErrorStream(true).start();
      boolean done = p.waitFor(60, TimeUnit.SECONDS);
      assumeTrue(done && p.exitValue() == 0, "skipped: python3 has no jinja2 module (pip install jinja2)");
    } catch (IOException | InterruptedException e) {
      assumeTrue(false, "skipped: python3 is not installed: cannot compare with Python jinja2");
    }
  }

  @Test
  void javaAndPythonJinja2RenderAlike() throws Exception {
    assumePythonJinja();
    Map<String, ChatTemplate> templates = new LinkedHashMap<>();
    ObjectNode request = JSON.createObjectNode();
    ObjectNode tnode = request.putObject("templates");
    for (String model : ChatTemplates.MODELS) {
      templates.put(model, ChatTemplates.load(model));
      tnode.set(model, JSON.readTree(ChatTemplates.configJson(model)));
    }
    for (Map.Entry<String, String> e : SYNTHETIC.entrySet()) {
      templates.put(e.getKey(), ChatTemplate.of(e.getValue(), e.getKey(), Map.of("bos_token", "<s>")));
      tnode.putObject(e.getKey()).put("chat_template", e.getValue()).put("bos_token", "<s>");
    }
    record Case(String template, List<ChatMessage> messages, boolean gen) {}
    List<Case> cases = new ArrayList<>();
    ArrayNode cnode = request.putArray("cases");
    for (String name : templates.keySet()) {
      for (List<ChatMessage> conv : conversations()) {
        for (boolean gen : new boolean[] {true, false}) {
          cases.add(new Case(name, conv, gen));
          ObjectNode c = cnode.addObject().put("template", name).put("add_generation_prompt", gen);
          ArrayNode ms = c.putArray("messages");
          conv.forEach(m -> ms.addObject().put("role", m.role()).put("content", m.content()));
        }
      }
    }

    ProcessBuilder pb = new ProcessBuilder("python3", script().toString());
    pb.environment().put("PODIUM_CHAT_DATE", DATE);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    p.getOutputStream().write(JSON.writeValueAsBytes(request));
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertEquals(0, p.waitFor(), "render_chat_templates.py failed");
    JsonNode renders = JSON.readTree(new String(out, StandardCharsets.UTF_8)).get("renders");

    Map<String, int[]> tally = new LinkedHashMap<>();
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      JsonNode py = renders.get(i);
      String expected;
      if (py.has("ok")) expected = "ok:" + py.get("ok").asText();
      else if (py.has("raised")) expected = "raised:" + py.get("raised").asText();
      else expected = "error";
      String actual;
      try {
        actual = "ok:" + templates.get(c.template()).render(c.messages(), c.gen());
      } catch (ChatTemplateException e) {
        actual = e.raisedMessage() != null ? "raised:" + e.raisedMessage() : "error";
      }
      int[] t = tally.computeIfAbsent(c.template(), k -> new int[2]);
      t[1]++;
      if (expected.equals(actual)) {
        t[0]++;
      } else {
        mismatches.add(c.template() + " gen=" + c.gen() + " " + JSON.writeValueAsString(c.messages())
            + "\n  python: " + JSON.writeValueAsString(expected) + "\n  java:   " + JSON.writeValueAsString(actual));
      }
    }
    StringBuilder summary = new StringBuilder("chat template agreement (equal/cases):");
    tally.forEach((k, v) -> summary.append("\n  ").append(k).append(": ").append(v[0]).append('/').append(v[1]));
    System.out.println(summary);
    assertEquals(List.of(), mismatches, summary + "\n" + String.join("\n", mismatches));
  }
}
