package io.podium.rapids;

import io.podium.udf.GenerateFunction;
import io.podium.udf.HadoopModelFolders;
import io.podium.udf.LoglikelihoodFunction;
import io.podium.udf.SqlFunctionProvider;

/** The SQL functions as RAPIDS UDFs; wins over the row functions whenever podium-rapids.jar is on the class path. */
public final class ColumnarSqlFunctions implements SqlFunctionProvider {

  @Override
  public int priority() {
    return 100;
  }

  @Override
  public LoglikelihoodFunction loglikelihood(HadoopModelFolders folders) {
    return new ColumnarLoglikelihood(folders);
  }

  @Override
  public GenerateFunction generate(HadoopModelFolders folders) {
    return new ColumnarGenerate(folders);
  }
}
