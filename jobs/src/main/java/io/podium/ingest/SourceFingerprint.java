package io.podium.ingest;

import io.podium.spark.SqlLiterals;
import io.podium.spark.Warehouse;
import io.podium.tables.Tables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a benchmark source looked like when it was last ingested: a hash of its files' paths,
 * sizes and modification times (and of the ingest arguments), kept as a table property of
 * {@code benchmark_docs}. {@code ingest --if-changed} skips a source whose fingerprint is
 * unchanged.
 */
final class SourceFingerprint {

  static final String PROPERTY = "podium.source.fingerprint";

  private SourceFingerprint() {}

  /** The fingerprint of the files under {@code root}, with the arguments that shape the ingest. */
  static String of(SparkSession spark, String root, List<String> arguments) throws IOException {
    Path path = new Path(root);
    FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    List<String> entries = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(path, true);
    while (files.hasNext()) {
      LocatedFileStatus f = files.next();
      entries.add(f.getPath().toUri().getPath() + "\t" + f.getLen() + "\t" + f.getModificationTime());
    }
    entries.sort(null);
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update((root + "\n" + String.join("\u0000", arguments) + "\n").getBytes(StandardCharsets.UTF_8));
      for (String e : entries) {
        d.update((e + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fingerprint recorded by the last ingest, or null. */
  static String recorded(SparkSession spark) {
    for (Row r : spark.sql("SHOW TBLPROPERTIES " + Warehouse.qualified(Tables.BENCHMARK_DOCS)).collectAsList()) {
      if (r.getString(0).equals(PROPERTY)) {
        return r.getString(1);
      }
    }
    return null;
  }

  static void record(SparkSession spark, String fingerprint) {
    spark.sql("ALTER TABLE " + Warehouse.qualified(Tables.BENCHMARK_DOCS) + " SET TBLPROPERTIES (" + SqlLiterals.string(PROPERTY)
        + " = " + SqlLiterals.string(fingerprint) + ")");
  }

}
