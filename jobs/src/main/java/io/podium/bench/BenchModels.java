package io.podium.bench;

import io.podium.models.ModelSpec;
import io.podium.models.builtin.BuiltinModels;
import io.podium.udf.HadoopModelFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The local folder of a benchmarked ONNX model: a built-in written to the model cache, or an export fetched there. */
final class BenchModels {

  private BenchModels() {}

  static Path localFolder(ModelSpec spec, SparkSession spark) throws IOException {
    HadoopModelFolders folders = HadoopModelFolders.from(spark.sparkContext().hadoopConfiguration());
    if (spec.backend().equals("builtin")) {
      return BuiltinModels.materialize(spec.uri(), Files.createDirectories(folders.cacheRoot().resolve("builtin")));
    }
    return folders.localize(spec.uri());
  }
}
