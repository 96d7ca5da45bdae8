package io.podium.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

  @Test
  void rendersFieldsAndLoopsLikeJinja() {
    Template t = Template.parse("{{question}}\n{% for o in options %}{{loop.letter}}. {{ o }}\n{% endfor %}Answer:");
    String out = t.render(Map.of("question", "Q?", "options", List.of("x", "y")));
    assertEquals("Q?\nA. x\nB. y\nAnswer:", out);
  }

  @Test
  void loopIndexIsOneBasedAndNestedFieldsResolve() {
    Template t = Template.parse("{% for c in choices %}{{loop.index}} - {{c}}|{{loop.index0}}\n{% endfor %}{{meta.id}}");
    assertEquals("1 - a|0\n2 - b|1\n7", t.render(Map.of("choices", List.of("a", "b"), "meta", Map.of("id", 7))));
  }

  @Test
  void dropsOneTrailingNewlineAsJinjaDoes() {
    assertEquals("Q: x\nA:", Template.parse("Q: {{input}}\nA:\n").render(Map.of("input", "x")));
    assertEquals("a\n", Template.parse("a\n\n").render(Map.of()));
  }

  @Test
  void valuesRenderAsPythonStr() {
    Template t = Template.parse("{{n}} {{b}} {{l}} {{none}}");
    java.util.HashMap<String, Object> doc = new java.util.HashMap<>();
    doc.put("n", 3);
    doc.put("b", true);
    doc.put("l", List.of("it's", "b"));
    doc.put("none", null);
    assertEquals("3 True [\"it's\", 'b'] None", t.render(doc));
  }

  @Test
  void errorsNameTheFieldAndTemplate() {
    var missing = assertThrows(Template.TemplateException.class, () -> Template.parse("{{nope}}").render(Map.of("a", 1)));
    assertTrue(missing.getMessage().contains("'nope'"), missing.getMessage());
    var syntax = assertThrows(Template.TemplateException.class, () -> Template.parse("{% if x %}y{% endif %}"));
    assertTrue(syntax.getMessage().contains("unsupported tag"), syntax.getMessage());
    assertThrows(Template.TemplateException.class, () -> Template.parse("{% for a in b %}x"));
    assertThrows(Template.TemplateException.class, () -> Template.parse("{{ a + b }}"));
  }
}
