package io.podium.scoring.ifeval.instructions;

import io.podium.scoring.ifeval.Instruction;
import io.podium.scoring.ifeval.InstructionArgs;
import io.podium.scoring.ifeval.text.JsonSyntax;
import io.podium.scoring.ifeval.text.PyText;

/**
 * {@code detectable_format:json_format}: the whole response, once a surrounding markdown code
 * fence ({@code ```json ... ```}) is removed, parses as JSON (Python's {@code json.loads}).
 */
public final class JsonFormat implements Instruction {

  public JsonFormat(InstructionArgs args) {}

  @Override
  public boolean isFollowedBy(String response) {
    String value = PyText.strip(response);
    for (String fence : new String[] {"```json", "```Json", "```JSON", "```"}) {
      if (value.startsWith(fence)) {
        value = value.substring(fence.length());
      }
    }
    if (value.endsWith("```")) {
      value = value.substring(0, value.length() - 3);
    }
    return JsonSyntax.isValid(PyText.strip(value));
  }
}
