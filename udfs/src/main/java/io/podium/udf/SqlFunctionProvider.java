package io.podium.udf;

/**
 * Supplies the classes behind Podium's SQL functions. The default build has the row-at-a-time
 * ones ({@link RowSqlFunctions}); podium-rapids.jar, next to the RAPIDS Accelerator, supplies
 * columnar ones that also implement {@code com.nvidia.spark.RapidsUDF}. Found through
 * {@code META-INF/services/io.podium.udf.SqlFunctionProvider}; the highest priority that loads wins.
 */
public interface SqlFunctionProvider {

  /** Higher wins. */
  int priority();

  LoglikelihoodFunction loglikelihood(HadoopModelFolders folders);

  GenerateFunction generate(HadoopModelFolders folders);
}
