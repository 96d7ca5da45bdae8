package io.podium.udf;

/** The SQL functions as plain Spark UDFs, evaluated row by row on the CPU side of Spark. */
public final class RowSqlFunctions implements SqlFunctionProvider {

  @Override
  public int priority() {
    return 0;
  }

  @Override
  public LoglikelihoodFunction loglikelihood(HadoopModelFolders folders) {
    return new LoglikelihoodFunction(folders);
  }

  @Override
  public GenerateFunction generate(HadoopModelFolders folders) {
    return new GenerateFunction(folders);
  }
}
