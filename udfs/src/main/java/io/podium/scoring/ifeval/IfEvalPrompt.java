package io.podium.scoring.ifeval;

import java.util.List;
import java.util.Map;

/**
 * One IFEval prompt: its key, its text, the ids of the instructions it gives, and one kwargs map
 * per instruction, as Jackson reads them from the dataset (Integer/Long, String, List, and null
 * for arguments an instruction does not use).
 */
public record IfEvalPrompt(int key, String prompt, List<String> instructionIds,
    List<Map<String, Object>> kwargs) {

  public IfEvalPrompt {
    instructionIds = List.copyOf(instructionIds);
    kwargs = List.copyOf(kwargs);
    if (instructionIds.size() != kwargs.size()) {
      throw new IllegalArgumentException("prompt " + key + " has " + instructionIds.size()
          + " instruction ids but " + kwargs.size() + " kwargs maps");
    }
  }
}
