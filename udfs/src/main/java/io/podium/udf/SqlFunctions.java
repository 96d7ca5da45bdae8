package io.podium.udf;

import io.podium.models.GenerationRequest;
import io.podium.models.LoglikelihoodRequest;
import io.podium.models.ModelSpec;
import io.podium.models.Models;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;

/**
 * SQL functions for ad-hoc use; the model argument is a model spec ({@code builtin:tiny-gpt},
 * a folder, a model file):
 *
 * <pre>
 *   podium_loglikelihood(model, context, continuation) -> DOUBLE
 *   podium_generate(model, prompt, max_tokens)         -> STRING (greedy)
 * </pre>
 */
public final class SqlFunctions {

  private SqlFunctions() {}

  public static void register(SparkSession spark) {
    HadoopModelFolders folders = HadoopModelFolders.from(spark.sparkContext().hadoopConfiguration());
    spark.udf().register("podium_loglikelihood", (UDF3<String, String, String, Double>) (model, context, cont) -> {
      if (model == null || context == null || cont == null) {
        return null;
      }
      return Models.get(ModelSpec.parse(model), InferenceFunction.assignedCudaDevice(), folders)
          .loglikelihood(List.of(new LoglikelihoodRequest(context, cont))).get(0).logprob();
    }, DataTypes.DoubleType);
    spark.udf().register("podium_generate", (UDF3<String, String, Integer, String>) (model, prompt, maxTokens) -> {
      if (model == null || prompt == null || maxTokens == null) {
        return null;
      }
      return Models.get(ModelSpec.parse(model), InferenceFunction.assignedCudaDevice(), folders)
          .generate(List.of(new GenerationRequest(prompt, List.of(), maxTokens))).get(0).text();
    }, DataTypes.StringType);
  }
}
