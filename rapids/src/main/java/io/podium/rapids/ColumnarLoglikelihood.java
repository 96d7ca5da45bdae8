package io.podium.rapids;

import ai.rapids.cudf.ColumnVector;
import com.nvidia.spark.RapidsUDF;
import io.podium.udf.HadoopModelFolders;
import io.podium.udf.LoglikelihoodFunction;

/**
 * {@code podium_loglikelihood} as a RAPIDS UDF: the plan stays columnar around it, and a whole
 * cuDF batch goes to the model in one call (the row path, for a CPU plan, is the inherited one).
 */
public final class ColumnarLoglikelihood extends LoglikelihoodFunction implements RapidsUDF {

  private static final long serialVersionUID = 1L;

  public ColumnarLoglikelihood(HadoopModelFolders folders) {
    super(folders);
  }

  @Override
  public ColumnVector evaluateColumnar(int rows, ColumnVector... args) {
    try {
      return ColumnVector.fromBoxedDoubles(evaluate(HostColumns.strings(args[0], rows),
          HostColumns.strings(args[1], rows), HostColumns.strings(args[2], rows)));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("podium_loglikelihood failed on a batch of " + rows + " rows: " + e.getMessage(), e);
    }
  }
}
