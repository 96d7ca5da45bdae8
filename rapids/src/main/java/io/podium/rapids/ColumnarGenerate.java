package io.podium.rapids;

import ai.rapids.cudf.ColumnVector;
import com.nvidia.spark.RapidsUDF;
import io.podium.udf.GenerateFunction;
import io.podium.udf.HadoopModelFolders;

/** {@code podium_generate} as a RAPIDS UDF: a whole cuDF batch goes to the model in one call. */
public final class ColumnarGenerate extends GenerateFunction implements RapidsUDF {

  private static final long serialVersionUID = 1L;

  public ColumnarGenerate(HadoopModelFolders folders) {
    super(folders);
  }

  @Override
  public ColumnVector evaluateColumnar(int rows, ColumnVector... args) {
    try {
      return ColumnVector.fromStrings(evaluate(HostColumns.strings(args[0], rows),
          HostColumns.strings(args[1], rows), HostColumns.ints(args[2], rows)));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("podium_generate failed on a batch of " + rows + " rows: " + e.getMessage(), e);
    }
  }
}
