package io.podium.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Where a chunk's predictions wait between inference and their MERGE: Parquet files under the
 * warehouse, {@code <warehouse>/_staging/predictions/<run id>/chunk-<n>}.
 *
 * <p>Inference runs once per chunk, and what it computed must survive the loss of any executor
 * until the MERGE has committed it: a local checkpoint or a cache keeps its blocks on the
 * executors, and an executor lost after its tasks finished would take finished work with it.
 * Files on the warehouse's file system (S3, HDFS, a shared disk) outlive every executor; Spark's
 * commit protocol makes the write all-or-nothing, so the MERGE reads each request once, however
 * many task attempts ran. The folder is removed when the MERGE has committed; one left by a run
 * that crashed in between holds nothing the next run needs (it recomputes the uncommitted
 * chunk) and is removed by a later run of the same warehouse once it is older than a day.
 */
final class ChunkStaging {

  private static final long ORPHAN_AGE_MS = 24L * 3600 * 1000;

  private final SparkSession spark;
  private final Path runFolder;

  ChunkStaging(SparkSession spark, String warehouseRoot, String runId) {
    this.spark = spark;
    this.runFolder = new Path(warehouseRoot + "/_staging/predictions/" + runId);
  }

  /** Computes {@code predictions} once and writes them; returns them as read back from the files. */
  Dataset<Row> write(int chunk, Dataset<Row> predictions) {
    String folder = chunkFolder(chunk).toString();
    predictions.write().mode(SaveMode.ErrorIfExists).parquet(folder);
    return spark.read().schema(predictions.schema()).parquet(folder);
  }

  /** Removes a chunk's files once its MERGE has committed. */
  void remove(int chunk) {
    delete(chunkFolder(chunk));
  }

  /** Removes this run's folder (at the end of the run). */
  void removeRun() {
    delete(runFolder);
  }

  /**
   * Removes what runs that crashed more than a day ago left under {@code _staging} (their chunks,
   * their model copies: {@code _staging/<kind>/<run id>}).
   */
  int removeOrphans() {
    Path staging = runFolder.getParent().getParent();
    try {
      FileSystem fs = fs(staging);
      if (!fs.exists(staging)) {
        return 0;
      }
      int removed = 0;
      long now = System.currentTimeMillis();
      for (org.apache.hadoop.fs.FileStatus kind : fs.listStatus(staging)) {
        for (org.apache.hadoop.fs.FileStatus run : kind.isDirectory() ? fs.listStatus(kind.getPath())
            : new org.apache.hadoop.fs.FileStatus[0]) {
          if (run.isDirectory() && now - run.getModificationTime() > ORPHAN_AGE_MS && fs.delete(run.getPath(), true)) {
            removed++;
          }
        }
      }
      return removed;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the staging folder " + staging + ": " + e.getMessage(), e);
    }
  }

  private Path chunkFolder(int chunk) {
    return new Path(runFolder, String.format("chunk-%05d", chunk));
  }

  private void delete(Path path) {
    try {
      fs(path).delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the staging folder " + path + ": " + e.getMessage(), e);
    }
  }

  private FileSystem fs(Path path) throws IOException {
    return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }
}
