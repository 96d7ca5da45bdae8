package io.podium.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podium.testing.CPython;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GPQA's answer order: Podium's process_docs against the same steps run by CPython (the
 * harness's preprocess, then random.shuffle after random.seed(0)), over 200 documents.
 */
class GpqaProcessingTest {

  @Test
  void answerOrderAndLettersMatchCPython() throws Exception {
    List<Map<String, Object>> docs = new ArrayList<>();
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("Question", "Q" + i);
      doc.put("Correct Answer", " right " + i + " [note]");
      doc.put("Incorrect Answer 1", "wrong a" + i + " [title] x");
      doc.put("Incorrect Answer 2", "wrong  b" + i);
      doc.put("Incorrect Answer 3", i % 50 == 0 ? null : "wrong c" + i);
      docs.add(doc);
      rows.append(i % 50 == 0 ? "None" : "'wrong c" + i + "'").append(",");
    }
    String program = """
        import random, re
        def preprocess(text):
            if text is None:
                return " "
            text = text.strip()
            text = text.replace(" [title]", ". ")
            text = re.sub("\\\\[.*?\\\\]", "", text)
            text = text.replace("  ", " ")
            return text
        random.seed(0)
        third = [%s]
        for i in range(200):
            correct = preprocess(" right %%d [note]" %% i)
            choices = [preprocess("wrong a%%d [title] x" %% i), preprocess("wrong  b%%d" %% i), preprocess(third[i]), correct]
            random.shuffle(choices)
            print("|".join(choices) + "|(" + chr(65 + choices.index(correct)) + ")")
        """.formatted(rows);
    String expected = CPython.run(program).stripTrailing();

    DocProcessor gpqa = DocProcessors.create("gpqa");
    List<String> actual = new ArrayList<>();
    for (Map<String, Object> doc : docs) {
      Map<String, Object> out = gpqa.process(doc);
      actual.add(out.get("choice1") + "|" + out.get("choice2") + "|" + out.get("choice3") + "|" + out.get("choice4")
          + "|" + out.get("answer"));
    }
    assertEquals(expected, String.join("\n", actual));
  }
}
