package io.podium.udf;

import io.podium.models.GenerationRequest;
import io.podium.models.ModelSpec;
import io.podium.models.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.api.java.UDF3;

/**
 * {@code podium_generate(model, prompt, max_tokens) -> STRING}: the model's greedy continuation
 * of the prompt. A batch of rows goes to each model in one call; a row with a null argument gives
 * null.
 */
public class GenerateFunction implements UDF3<String, String, Integer, String> {

  private static final long serialVersionUID = 1L;

  private final HadoopModelFolders folders;

  public GenerateFunction(HadoopModelFolders folders) {
    this.folders = folders;
  }

  @Override
  public String call(String model, String prompt, Integer maxTokens) throws Exception {
    return evaluate(new String[] {model}, new String[] {prompt}, new Integer[] {maxTokens})[0];
  }

  /** The rows' values, row by row; rows of one model are generated in one batch. */
  public String[] evaluate(String[] models, String[] prompts, Integer[] maxTokens) throws Exception {
    String[] out = new String[models.length];
    for (Map.Entry<String, List<Integer>> group : ModelBatches.rowsByModel(models, prompts, maxTokens).entrySet()) {
      List<GenerationRequest> requests = new ArrayList<>();
      for (int row : group.getValue()) {
        requests.add(new GenerationRequest(prompts[row], List.of(), maxTokens[row]));
      }
      var results = Models.get(ModelSpec.parse(group.getKey()), InferenceFunction.assignedCudaDevice(), folders)
          .generate(requests);
      for (int i = 0; i < requests.size(); i++) {
        out[group.getValue().get(i)] = results.get(i).text();
      }
    }
    return out;
  }
}
