package io.podium.udf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the SQL functions split a batch of rows: one model call per model spec. */
final class ModelBatches {

  private ModelBatches() {}

  /** Row numbers per model spec, in first-seen order, leaving out rows with a null argument. */
  static Map<String, List<Integer>> rowsByModel(String[] models, Object[]... others) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    rows:
    for (int row = 0; row < models.length; row++) {
      if (models[row] == null) {
        continue;
      }
      for (Object[] column : others) {
        if (column[row] == null) {
          continue rows;
        }
      }
      groups.computeIfAbsent(models[row], m -> new ArrayList<>()).add(row);
    }
    return groups;
  }
}
