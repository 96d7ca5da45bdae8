package io.podium.evaluate;

import io.podium.models.ModelSpec;
import io.podium.udf.HadoopModelFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Gets a model folder that exists only on the driver's machine to the executors, as a cluster
 * gets any driver-local input: through the storage every node reads. The folder is copied once
 * per run under the warehouse ({@code <warehouse>/_staging/models/<run id>}), each executor copies
 * it from there into its local model cache (as it does for any {@code s3a://} or {@code hdfs://}
 * folder), and the run removes the copy when it ends. Nothing on an executor reads the driver's
 * path. Folders already on shared storage are read where they are; in local mode the executor is
 * the driver and nothing is copied. (Spark's own {@code addArchive} was tried first: on Spark
 * 4.1 the executors of the SQL session's jobs never fetched an archive added to the context,
 * which fits Spark 4's per-session artifact isolation.)
 */
final class ModelUpload {

  private final SparkSession spark;
  private final Path copy;

  private ModelUpload(SparkSession spark, Path copy) {
    this.spark = spark;
    this.copy = copy;
  }

  /** Copies {@code spec}'s folder for the executors if they cannot read it; returns the folders to use. */
  static ModelUpload forExecutors(SparkSession spark, ModelSpec spec, String warehouseRoot, String runId) {
    if (spark.sparkContext().isLocal() || !spec.backend().equals("onnx") || onSharedStorage(spec.uri())) {
      return new ModelUpload(spark, null);
    }
    java.nio.file.Path folder = spec.uri().startsWith("file:")
        ? java.nio.file.Path.of(java.net.URI.create(spec.uri())) : java.nio.file.Path.of(spec.uri());
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("model folder " + spec.uri() + " does not exist on the driver; give a"
          + " folder the driver can read, or an s3a:// or hdfs:// URI the executors can read");
    }
    Path copy = new Path(warehouseRoot + "/_staging/models/" + runId);
    try {
      FileSystem fs = copy.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.mkdirs(copy);
      try (var files = Files.list(folder)) {
        for (java.nio.file.Path f : files.filter(Files::isRegularFile).toList()) {
          fs.copyFromLocalFile(false, true, new Path(f.toUri()), new Path(copy, f.getFileName().toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy model folder " + folder + " to " + copy + " for the executors: "
          + e.getMessage(), e);
    }
    return new ModelUpload(spark, copy);
  }

  /** The folders as the executors must open them. */
  HadoopModelFolders folders(ModelSpec spec, HadoopModelFolders folders) {
    return copy == null ? folders : folders.withCopy(spec.uri(), copy.toString());
  }

  /** Where the executors read the model from, for the run's output; null when not copied. */
  String copy() {
    return copy == null ? null : copy.toString();
  }

  /** Removes the copy (at the end of the run). */
  void remove() {
    if (copy != null) {
      try {
        copy.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(copy, true);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + copy + ": " + e.getMessage(), e);
      }
    }
  }

  private static boolean onSharedStorage(String uri) {
    return uri.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !uri.startsWith("file:");
  }
}
