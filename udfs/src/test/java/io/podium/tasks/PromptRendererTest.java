package io.podium.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.podium.tasks.TaskDefinition.ChoiceSpec;
import io.podium.tasks.TaskDefinition.Subtask;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The harness's fewshot_context and construct_requests rules, on hand-made definitions. */
class PromptRendererTest {

  private static TaskDefinition mc(int shots, ChoiceSpec spec, List<String> subtaskChoices, String target) {
    return new TaskDefinition("t", "g", "1", OutputType.MULTIPLE_CHOICE, List.of("acc"), null, Map.of(), null,
        "Q: {{q}}\nA:", target, null, spec, null, null, shots, null, null,
        List.of(new Subtask("s", "task_s", "Describe.\n", subtaskChoices)));
  }

  @Test
  void contextIsDescriptionThenShotsThenQuestion() {
    TaskDefinition def = mc(2, null, List.of("no", "yes"), "{{a}}");
    List<Map<String, Object>> shots = List.of(Map.of("q", "s1", "a", "yes"), Map.of("q", "s2", "a", "no"),
        Map.of("q", "s3", "a", "no"));
    PromptRenderer r = new PromptRenderer(def, def.subtasks().get(0), shots);
    List<RenderedRequest> requests = r.requests(Map.of("q", "x", "a", "yes"));
    assertEquals("Describe.Q: s1\nA: yes\n\nQ: s2\nA: no\n\nQ: x\nA:", requests.get(0).context());
    assertEquals(List.of(" no", " yes"), requests.stream().map(RenderedRequest::continuation).toList());
    assertEquals(1, r.goldIndex(Map.of("q", "x", "a", "yes")));
  }

  @Test
  void aShotEqualToTheDocumentIsLeftOutAndNotReplaced() {
    TaskDefinition def = mc(2, null, List.of("no", "yes"), "{{a}}");
    List<Map<String, Object>> shots = List.of(Map.of("q", "s1", "a", "yes"), Map.of("q", "s2", "a", "no"),
        Map.of("q", "s3", "a", "no"));
    PromptRenderer r = new PromptRenderer(def, def.subtasks().get(0), shots);
    // first_n draws 2 examples; the one equal to the document is dropped, leaving 1 (as the harness does).
    assertEquals("Describe.Q: s2\nA: no\n\nQ: s1\nA:", r.context(Map.of("q", "s1", "a", "yes")));
  }

  @Test
  void digitTargetsAreChoiceIndexesAndUnknownTargetsHaveNoGold() {
    TaskDefinition def = mc(1, new ChoiceSpec("opts", null), null, "{{a}}");
    List<Map<String, Object>> shots = List.of(Map.of("q", "s", "opts", List.of("zero", "one"), "a", "1"));
    PromptRenderer r = new PromptRenderer(def, def.subtasks().get(0), shots);
    Map<String, Object> doc = Map.of("q", "x", "opts", List.of("red", "blue"), "a", "0");
    assertEquals("Describe.Q: s\nA: one\n\nQ: x\nA:", r.context(doc));
    assertEquals(0, r.goldIndex(doc));
    assertNull(r.goldIndex(Map.of("q", "x", "opts", List.of("red", "blue"), "a", "green")));
    assertNull(r.goldIndex(Map.of("q", "x", "opts", List.of("red", "blue"), "a", "7")));
  }

  @Test
  void letterChoicesFollowTheOptionCount() {
    TaskDefinition def = mc(0, new ChoiceSpec(null, "options"), null, "{{answer}}");
    PromptRenderer r = new PromptRenderer(def, def.subtasks().get(0), List.of());
    Map<String, Object> doc = Map.of("q", "x", "options", List.of("a", "b", "c"), "answer", "C");
    assertEquals(List.of("A", "B", "C"), r.choices(doc));
    assertEquals(2, r.goldIndex(doc));
  }

  @Test
  void aMissingFewshotSourceStillGivesGoldButNoPrompt() {
    TaskDefinition def = mc(2, null, List.of("no", "yes"), "{{a}}");
    PromptRenderer r = new PromptRenderer(def, def.subtasks().get(0), null);
    assertEquals(0, r.goldIndex(Map.of("q", "x", "a", "no")));
    assertThrows(IllegalStateException.class, () -> r.context(Map.of("q", "x", "a", "no")));
  }
}
