package io.podium.udf;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQL functions for ad-hoc use; the model argument is a model spec ({@code builtin:tiny-gpt},
 * a folder, a model file):
 *
 * <pre>
 *   podium_loglikelihood(model, context, continuation) -> DOUBLE
 *   podium_generate(model, prompt, max_tokens)         -> STRING (greedy)
 * </pre>
 *
 * The implementation comes from the highest-priority {@link SqlFunctionProvider} on the class path.
 */
public final class SqlFunctions {

  private static final Logger LOG = LoggerFactory.getLogger(SqlFunctions.class);

  private SqlFunctions() {}

  public static void register(SparkSession spark) {
    HadoopModelFolders folders = HadoopModelFolders.from(spark.sparkContext().hadoopConfiguration());
    SqlFunctionProvider provider = provider();
    spark.udf().register("podium_loglikelihood", provider.loglikelihood(folders), DataTypes.DoubleType);
    spark.udf().register("podium_generate", provider.generate(folders), DataTypes.StringType);
  }

  /**
   * The provider that wins. One that cannot load (podium-rapids.jar without the RAPIDS jar beside
   * it) is passed over with a warning naming the missing class.
   */
  public static SqlFunctionProvider provider() {
    SqlFunctionProvider best = new RowSqlFunctions();
    Iterator<SqlFunctionProvider> it = ServiceLoader.load(SqlFunctionProvider.class, SqlFunctions.class.getClassLoader())
        .iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          break;
        }
        SqlFunctionProvider next = it.next();
        if (next.priority() > best.priority()) {
          best = next;
        }
      } catch (ServiceConfigurationError | LinkageError e) {
        LOG.warn("SQL functions: a provider could not be loaded ({}); put the RAPIDS Accelerator jar beside "
            + "podium-rapids.jar in --jars, or leave podium-rapids.jar out", e.getMessage());
      }
    }
    return best;
  }
}
