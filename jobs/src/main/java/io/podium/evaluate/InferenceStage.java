package io.podium.evaluate;

import io.podium.models.ModelSpec;
import io.podium.udf.HadoopModelFolders;
import io.podium.udf.InferenceFunction;
import io.podium.udf.Prediction;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.resource.ExecutorResourceRequests;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The inference stage of a chunk: the one stage of an evaluate run that asks for a GPU.
 *
 * <p>Stage-level scheduling puts a resource profile on the inference RDD only: each of its tasks
 * asks for one whole GPU and {@code spark.podium.inference.taskCpus} CPUs (default
 * {@code spark.task.cpus}), so Spark runs as many models at once per executor as it has GPUs,
 * and never two on one GPU. Every other stage (reading requests, the shuffle that groups them
 * by shard, the staging write's planning, the MERGE, scoring, snapshots) keeps the default
 * profile, which asks for no GPU, so SQL work never waits for one. With dynamic allocation off,
 * the profile is a task resource profile on the executors the application already has; with it
 * on, a full profile that also asks executors for their GPUs.
 */
final class InferenceStage {

  /**
   * The inference RDD of a run is named {@code podium inference <run id>}, so that the run's
   * listener, the Spark UI and the event log can find its stages.
   */
  static final String RDD_NAME_PREFIX = "podium inference ";

  private final SparkSession spark;
  private final InferenceFunction function;
  private final ResourceProfile profile;
  private final String scheduling;
  private final String rddName;

  private InferenceStage(SparkSession spark, InferenceFunction function, String runId, ResourceProfile profile,
      String scheduling) {
    this.spark = spark;
    this.function = function;
    this.rddName = RDD_NAME_PREFIX + runId;
    this.profile = profile;
    this.scheduling = scheduling;
  }

  String rddName() {
    return rddName;
  }

  /** How the inference stages of run {@code runId} of {@code spec} are scheduled on this session's cluster. */
  static InferenceStage plan(SparkSession spark, ModelSpec spec, HadoopModelFolders folders, String runId) {
    InferenceFunction function = new InferenceFunction(spec, folders);
    SparkConf conf = spark.sparkContext().getConf();
    int gpus = (int) Math.floor(Double.parseDouble(conf.get("spark.executor.resource.gpu.amount", "0")));
    if (!spec.runsOnGpu()) {
      return new InferenceStage(spark, function, runId, null, "default profile: " + spec.backend() + " "
          + spec.engine().computesWhere(spec));
    }
    if (spark.sparkContext().isLocal()) {
      // Spark refuses task resource profiles in local mode (ResourceProfileManager: they are
      // supported on standalone, YARN and Kubernetes clusters only), and a local master has no
      // GPUs to give: the stage runs without a profile, on the CPU.
      return new InferenceStage(spark, function, runId, null, "default profile: local mode has no GPU scheduling");
    }
    if (gpus < 1) {
      return new InferenceStage(spark, function, runId, null,
          "default profile: the executors offer no GPU (spark.executor.resource.gpu.amount)");
    }
    int cpus = Integer.parseInt(conf.get("spark.podium.inference.taskCpus", conf.get("spark.task.cpus", "1")));
    ResourceProfileBuilder builder = new ResourceProfileBuilder()
        .require(new TaskResourceRequests().cpus(cpus).resource("gpu", 1.0));
    boolean dynamic = conf.getBoolean("spark.dynamicAllocation.enabled", false);
    if (dynamic) {
      builder.require(new ExecutorResourceRequests()
          .cores(conf.getInt("spark.executor.cores", cpus))
          .memory(conf.get("spark.executor.memory", "1g"))
          .resource("gpu", gpus, conf.get("spark.executor.resource.gpu.discoveryScript", ""), ""));
    }
    ResourceProfile profile = builder.build();
    return new InferenceStage(spark, function, runId, profile, String.format(
        "resource profile %d: 1 GPU and %d CPU(s) per inference task%s", profile.id(), cpus,
        dynamic ? ", executors with " + gpus + " GPU(s) each" : ""));
  }

  /** One line for the run's output: how inference tasks are scheduled. */
  String scheduling() {
    return scheduling;
  }

  /** The predictions of {@code requests} (lazy; computed by the action that consumes them). */
  Dataset<Row> predict(Dataset<Row> requests) {
    JavaRDD<Prediction> predictions = requests.toJavaRDD().mapPartitions(function::call);
    predictions.setName(rddName);
    if (profile != null) {
      predictions = predictions.withResources(profile);
    }
    return spark.createDataFrame(predictions, Prediction.class);
  }
}
