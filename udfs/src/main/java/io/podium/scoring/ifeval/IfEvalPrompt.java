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

  /**
   * A prompt from its record in the dataset's schema ({@code key, prompt, instruction_id_list,
   * kwargs}, as Jackson reads JSON); IllegalArgumentException saying what is missing.
   */
  @SuppressWarnings("unchecked")
  public static IfEvalPrompt fromRecord(Map<String, Object> record) {
    if (!(record.get("key") instanceof Number key) || !(record.get("prompt") instanceof String text)
        || !(record.get("instruction_id_list") instanceof List<?> ids)
        || !(record.get("kwargs") instanceof List<?> kwargs) || ids.isEmpty() || ids.size() != kwargs.size()) {
      throw new IllegalArgumentException("an IFEval prompt needs key, prompt, instruction_id_list and kwargs"
          + " (one object per instruction)");
    }
    try {
      return new IfEvalPrompt(key.intValue(), text, (List<String>) ids, (List<Map<String, Object>>) kwargs);
    } catch (ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("an IFEval prompt's instruction ids are strings and its kwargs objects", e);
    }
  }
}
