package io.podium.udf;

import io.podium.models.LoglikelihoodRequest;
import io.podium.models.ModelSpec;
import io.podium.models.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.api.java.UDF3;

/**
 * {@code podium_loglikelihood(model, context, continuation) -> DOUBLE}: the log-probability of
 * the continuation given the context. A batch of rows goes to each model in one call (batched
 * inference); a row with a null argument gives null.
 */
public class LoglikelihoodFunction implements UDF3<String, String, String, Double> {

  private static final long serialVersionUID = 1L;

  private final HadoopModelFolders folders;

  public LoglikelihoodFunction(HadoopModelFolders folders) {
    this.folders = folders;
  }

  @Override
  public Double call(String model, String context, String continuation) throws Exception {
    return evaluate(new String[] {model}, new String[] {context}, new String[] {continuation})[0];
  }

  /** The rows' values, row by row; rows of one model are scored in one batch. */
  public Double[] evaluate(String[] models, String[] contexts, String[] continuations) throws Exception {
    Double[] out = new Double[models.length];
    for (Map.Entry<String, List<Integer>> group : ModelBatches.rowsByModel(models, contexts, continuations).entrySet()) {
      List<LoglikelihoodRequest> requests = new ArrayList<>();
      for (int row : group.getValue()) {
        requests.add(new LoglikelihoodRequest(contexts[row], continuations[row]));
      }
      var results = Models.get(ModelSpec.parse(group.getKey()), InferenceFunction.assignedCudaDevice(), folders)
          .loglikelihood(requests);
      for (int i = 0; i < requests.size(); i++) {
        out[group.getValue().get(i)] = results.get(i).logprob();
      }
    }
    return out;
  }
}
