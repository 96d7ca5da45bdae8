package io.podium.spark;

import io.delta.tables.DeltaTable;
import io.podium.tables.Table;
import io.podium.tables.Tables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The root folder of Podium's Delta tables: a local directory or an {@code s3a://} prefix.
 * Each table lives in {@code <root>/<table name>} and is registered by name in the
 * {@code podium} database of the session catalog, so SQL can say {@code requests} and Delta
 * time travel ({@code VERSION AS OF}) works on the name.
 */
public final class Warehouse {

  private final String root;

  private Warehouse(String root) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  /** A warehouse at a local path or a URI with a scheme (s3a://bucket/prefix, file:/...). */
  public static Warehouse at(String location) {
    if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || location.startsWith("file:")) {
      return new Warehouse(location);
    }
    return new Warehouse(Path.of(location).toAbsolutePath().normalize().toUri().toString());
  }

  public String root() {
    return root;
  }

  public String location(Table table) {
    return root + "/" + table.name();
  }

  /**
   * Creates every table that does not exist yet (with its declared schema), brings each one an
   * older Podium wrote up to its declared schema, and registers all of them in the
   * {@code podium} database, which becomes the current database. Never refuses a table whose
   * schema changed: each table records the version of the schema it was last brought to (table
   * property {@value #SCHEMA_VERSION}, a hash of the declared columns); an older one gets the
   * columns it lacks, and columns the declaration no longer has (a benchmark the group dropped)
   * stay, null in later rows.
   */
  public void open(SparkSession spark) {
    open(spark, Tables.ALL);
  }

  /** {@link #open(SparkSession)} for the given tables (tests that change a table's declaration). */
  public void open(SparkSession spark, List<Table> tables) {
    spark.sql("CREATE DATABASE IF NOT EXISTS " + Tables.DATABASE);
    for (Table table : tables) {
      String partitioning = table.partitionBy().isEmpty()
          ? ""
          : " PARTITIONED BY (" + String.join(", ", table.partitionBy()) + ")";
      try {
        // The name may still point at another warehouse (a session opens one warehouse at a
        // time); dropping the name of an external table leaves its data alone.
        spark.sql("DROP TABLE IF EXISTS " + qualified(table));
        String location = SqlLiterals.string(location(table));
        if (DeltaTable.isDeltaTable(spark, location(table))) {
          upgrade(spark, table);
          spark.sql("CREATE TABLE IF NOT EXISTS " + qualified(table) + " USING delta LOCATION " + location);
        } else {
          spark.sql("CREATE TABLE IF NOT EXISTS " + qualified(table) + " (" + table.ddlColumns() + ") USING delta"
              + partitioning + " LOCATION " + location + " TBLPROPERTIES (" + SqlLiterals.string(SCHEMA_VERSION)
              + " = " + SqlLiterals.string(schemaVersion(table)) + ")");
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot open table " + table.name() + " at " + location(table)
            + ": " + e.getMessage(), e);
      }
    }
    spark.sql("USE " + Tables.DATABASE);
  }

  /**
   * Whether a Podium warehouse is here: at least one of its tables exists under the root (a Delta
   * log). Reads only; a root that does not exist is no warehouse.
   */
  public boolean exists(Configuration hadoop) throws IOException {
    org.apache.hadoop.fs.Path rootPath = new org.apache.hadoop.fs.Path(root);
    FileSystem fs = rootPath.getFileSystem(hadoop);
    if (!fs.exists(rootPath)) {
      return false;
    }
    for (Table table : Tables.ALL) {
      if (fs.exists(new org.apache.hadoop.fs.Path(location(table) + "/_delta_log"))) {
        return true;
      }
    }
    return false;
  }

  /** The table property holding the schema version a table was last brought to. */
  public static final String SCHEMA_VERSION = "podium.schema.version";

  /** A table's declared schema version: the first 16 hex digits of the SHA-256 of its declared columns. */
  public static String schemaVersion(Table table) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(table.ddlColumns().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The schema version recorded in an existing table, or null (a table an older Podium wrote). */
  public static String recordedSchemaVersion(SparkSession spark, String location) {
    Object value = DeltaTable.forPath(spark, location).detail().first().getAs("properties");
    if (value instanceof scala.collection.Map<?, ?> properties) {
      scala.Option<?> v = ((scala.collection.Map<String, ?>) properties).get(SCHEMA_VERSION);
      return v.isDefined() ? String.valueOf(v.get()) : null;
    }
    return null;
  }

  /** Brings an existing table to its declared schema unless it records that version already. */
  private void upgrade(SparkSession spark, Table table) {
    String version = schemaVersion(table);
    if (version.equals(recordedSchemaVersion(spark, location(table)))) {
      return;
    }
    addMissingColumns(spark, table);
    spark.sql("ALTER TABLE delta.`" + location(table).replace("`", "``") + "` SET TBLPROPERTIES ("
        + SqlLiterals.string(SCHEMA_VERSION) + " = " + SqlLiterals.string(version) + ")");
  }

  /**
   * Brings a table written by an older Podium up to the declared schema: each declared column it
   * lacks is added in its declared place and filled in the existing rows (see
   * {@code Tables.added}), and column descriptions that changed are updated. A table that does
   * not exist yet is left to CREATE TABLE.
   */
  private void addMissingColumns(SparkSession spark, Table table) {
    String location = location(table);
    StructType existing = spark.read().format("delta").load(location).schema();
    List<String> have = List.of(existing.fieldNames());
    String path = "delta.`" + location.replace("`", "``") + "`";
    StructField previous = null;
    for (StructField field : table.schema().fields()) {
      String declared = field.getComment().isDefined() ? field.getComment().get() : null;
      if (have.contains(field.name())) {
        // A column whose description changed since: CREATE TABLE below must see the same schema.
        StructField current = existing.apply(field.name());
        String comment = current.getComment().isDefined() ? current.getComment().get() : null;
        if (declared != null && !declared.equals(comment)) {
          spark.sql("ALTER TABLE " + path + " ALTER COLUMN `" + field.name() + "` COMMENT "
              + SqlLiterals.string(declared));
        }
      } else {
        String comment = field.getComment().isDefined() ? " COMMENT " + SqlLiterals.string(field.getComment().get()) : "";
        String place = previous == null ? " FIRST" : " AFTER `" + previous.name() + "`";
        spark.sql("ALTER TABLE " + path + " ADD COLUMNS (`" + field.name() + "` " + field.dataType().sql() + comment
            + place + ")");
        if (field.metadata().contains(Table.FILL)) {
          spark.sql("UPDATE " + path + " SET `" + field.name() + "` = "
              + SqlLiterals.string(field.metadata().getString(Table.FILL)) + " WHERE `" + field.name() + "` IS NULL");
        }
      }
      previous = field;
    }
  }

  public static String qualified(Table table) {
    return Tables.DATABASE + "." + table.name();
  }

  @Override
  public String toString() {
    return root;
  }
}
