package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import io.podium.scoring.ifeval.text.JsonSyntax;

/**
 * {@code detectable_format:json_format}: the whole response, once a surrounding markdown code
 * fence ({@code ```json ... ```}) is removed, parses as JSON (Python's {@code json.loads}).
 */
public final class JsonFormat implements Instruction {

  public JsonFormat(InstructionArgs args) {}

  @Override
  public boolean isFollowedBy(String response) {
    String value = PyStr.strip(response);
    for (String fence : new String[] {"```json", "```Json", "```JSON", "```"}) {
      if (value.startsWith(fence)) {
        value = value.substring(fence.length());
      }
    }
    if (value.endsWith("```")) {
      value = value.substring(0, value.length() - 3);
    }
    return JsonSyntax.isValid(PyStr.strip(value));
  }
}
