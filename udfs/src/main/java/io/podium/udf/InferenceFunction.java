package io.podium.udf;

import io.podium.models.GenerationRequest;
import io.podium.models.GenerationResult;
import io.podium.models.GpuUnavailableException;
import io.podium.models.LanguageModel;
import io.podium.models.LoglikelihoodRequest;
import io.podium.models.LoglikelihoodResult;
import io.podium.models.ModelFailure;
import io.podium.models.ModelSpec;
import io.podium.models.Models;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.resource.ResourceInformation;
import org.apache.spark.sql.Row;
import scala.Option;

/**
 * Runs a model over the {@code requests} rows of one partition, inside a Spark task. The model
 * is opened once per executor ({@link Models}) on the GPU Spark assigned to the task, if any;
 * each prediction records that address, the executor, the task attempt and the execution
 * provider that actually ran it. A task given a GPU that the engine cannot use fails, naming
 * the executor, the address and the fix, unless the model allows the CPU.
 * Requests of one document are kept in one batch, so its choices share the context's pass.
 */
public final class InferenceFunction implements MapPartitionsFunction<Row, Prediction> {

  private static final long serialVersionUID = 1L;
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(InferenceFunction.class.getName());

  /** Log-likelihood requests per call to the model (whole documents). */
  private static final int LOGLIKELIHOOD_BATCH = 256;

  private final ModelSpec spec;
  private final HadoopModelFolders folders;

  public InferenceFunction(ModelSpec spec, HadoopModelFolders folders) {
    this.spec = spec;
    this.folders = folders;
  }

  /** The address of the GPU Spark gave this task, or null on a task without one. */
  static String assignedGpu() {
    TaskContext task = TaskContext.get();
    if (task == null) {
      return null;
    }
    Option<ResourceInformation> gpu = task.resources().get("gpu");
    if (gpu.isEmpty() || gpu.get().addresses().length == 0) {
      return null;
    }
    return gpu.get().addresses()[0];
  }

  /** The CUDA device of the GPU Spark gave this task (its address), or null on a task without one. */
  static Integer assignedCudaDevice() {
    String gpu = assignedGpu();
    return gpu == null ? null : Integer.valueOf(gpu);
  }

  /** This executor's id ({@code driver} in local mode). */
  static String executorId() {
    SparkEnv env = SparkEnv.get();
    return env == null ? "driver" : env.executorId();
  }

  @Override
  public Iterator<Prediction> call(Iterator<Row> rows) throws Exception {
    List<Row> loglikelihood = new ArrayList<>();
    List<Row> generation = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      ("generate_until".equals(r.getAs("request_type")) ? generation : loglikelihood).add(r);
    }
    List<Prediction> out = new ArrayList<>(loglikelihood.size() + generation.size());
    if (loglikelihood.isEmpty() && generation.isEmpty()) {
      return out.iterator();
    }
    TaskContext task = TaskContext.get();
    long started = System.nanoTime();
    String gpu = assignedGpu();
    LanguageModel model;
    try {
      model = Models.get(spec, gpu == null ? null : Integer.valueOf(gpu), task == null ? 0 : task.cpus(), folders);
    } catch (GpuUnavailableException e) {
      IllegalStateException refused = new IllegalStateException("model " + spec.describe() + " cannot run on GPU " + gpu + " of executor "
          + executorId() + " (" + hostName() + "): " + e.getMessage() + ". Fix: " + e.fix() + ", or allow the CPU explicitly"
          + " (allow_cpu: true in the model file, or evaluate --allow-cpu)");
      refused.addSuppressed(e); // the engine's own error, without hiding this message behind it
      throw refused;
    }
    TaskInfo where = new TaskInfo(gpu, executorId(), task == null ? -1 : task.taskAttemptId());
    Comparator<Row> byDoc = Comparator.<Row, String>comparing(r -> r.getAs("benchmark"))
        .thenComparing(r -> r.<String>getAs("subtask"))
        .thenComparing(r -> r.<Integer>getAs("doc_id"))
        .thenComparing(r -> r.<Integer>getAs("request_index"));
    loglikelihood.sort(byDoc);
    generation.sort(byDoc);

    int start = 0;
    while (start < loglikelihood.size()) {
      int end = Math.min(loglikelihood.size(), start + LOGLIKELIHOOD_BATCH);
      while (end < loglikelihood.size() && sameDoc(loglikelihood.get(end - 1), loglikelihood.get(end))) {
        end++; // never split a document's choices
      }
      scoreBatch(model, where, loglikelihood.subList(start, end), out);
      start = end;
    }
    for (int s = 0; s < generation.size(); s += spec.batchSize()) {
      generateBatch(model, where, generation.subList(s, Math.min(generation.size(), s + spec.batchSize())), out);
    }
    LOG.fine(() -> String.format("%s: %d requests in %.1f s on %s", model.name(), out.size(),
        (System.nanoTime() - started) / 1e9, model.device()));
    return out.iterator();
  }

  private static boolean sameDoc(Row a, Row b) {
    return a.getAs("benchmark").equals(b.getAs("benchmark")) && a.getAs("subtask").equals(b.getAs("subtask"))
        && a.<Integer>getAs("doc_id").equals(b.getAs("doc_id"));
  }

  private void scoreBatch(LanguageModel model, TaskInfo where, List<Row> batch, List<Prediction> out) {
    List<LoglikelihoodRequest> requests = new ArrayList<>(batch.size());
    for (Row r : batch) {
      requests.add(new LoglikelihoodRequest(r.getAs("context"), r.getAs("continuation")));
    }
    long start = System.nanoTime();
    List<LoglikelihoodResult> results;
    try {
      results = model.loglikelihood(requests);
    } catch (RuntimeException e) {
      throw failure(model, batch, e);
    }
    double latency = (System.nanoTime() - start) / 1e6 / batch.size();
    for (int i = 0; i < batch.size(); i++) {
      LoglikelihoodResult r = results.get(i);
      Prediction p = base(batch.get(i), model, where, latency);
      p.setLoglikelihood(r.logprob());
      p.setIsGreedy(r.isGreedy());
      p.setContinuationTokens(r.tokens());
      p.setTokenLogprobs(r.tokenLogprobs());
      p.setContextTokens(r.contextTokens());
      out.add(p);
    }
  }

  private void generateBatch(LanguageModel model, TaskInfo where, List<Row> batch, List<Prediction> out) {
    List<GenerationRequest> requests = new ArrayList<>(batch.size());
    for (Row r : batch) {
      requests.add(new GenerationRequest(r.getAs("context"), r.getList(r.fieldIndex("until")),
          r.<Integer>getAs("max_gen_toks")));
    }
    long start = System.nanoTime();
    List<GenerationResult> results;
    try {
      results = model.generate(requests);
    } catch (RuntimeException e) {
      throw failure(model, batch, e);
    }
    double latency = (System.nanoTime() - start) / 1e6 / batch.size();
    for (int i = 0; i < batch.size(); i++) {
      GenerationResult r = results.get(i);
      Prediction p = base(batch.get(i), model, where, latency);
      p.setGeneratedText(r.text());
      p.setGeneratedTokens(r.tokens());
      p.setStopReason(r.stop());
      p.setContextTokens(r.contextTokens());
      out.add(p);
    }
  }

  /** Where a task ran: recorded in every prediction it makes. */
  private record TaskInfo(String gpu, String executor, long attempt) {}

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "unknown host";
    }
  }

  private static Prediction base(Row r, LanguageModel model, TaskInfo where, double latency) {
    Prediction p = new Prediction();
    p.setRequestId(r.getAs("request_id"));
    p.setBenchmark(r.getAs("benchmark"));
    p.setSubtask(r.getAs("subtask"));
    p.setDocId(r.<Integer>getAs("doc_id"));
    p.setRequestIndex(r.<Integer>getAs("request_index"));
    p.setRequestType(r.getAs("request_type"));
    p.setRequestHash(r.getAs("request_hash"));
    p.setDevice(model.device());
    p.setExecutionProvider(model.executionProvider());
    p.setGpuAddress(where.gpu());
    p.setExecutorId(where.executor());
    p.setTaskAttemptId(where.attempt());
    p.setLatencyMs(latency);
    return p;
  }

  /**
   * A batch's failure as one line naming the model and the request: the one it failed on when
   * the model says which (its id, benchmark, subtask and document), else the batch's first.
   */
  private static ModelFailure failure(LanguageModel model, List<Row> batch, RuntimeException e) {
    if (e instanceof ModelFailure f && f.request() >= 0 && f.request() < batch.size()) {
      Row r = batch.get(f.request());
      return new ModelFailure("model " + model.name() + " failed on request " + r.getAs("request_id") + " ("
          + r.getAs("benchmark") + "/" + r.getAs("subtask") + " doc " + r.getAs("doc_id") + "): " + f.what(), -1,
          f.fix(), e);
    }
    Row first = batch.get(0);
    String what = e instanceof ModelFailure f ? f.what() : e.getMessage();
    return new ModelFailure("model " + model.name() + " failed on a batch of " + batch.size()
        + " request(s) starting with request " + first.getAs("request_id") + " (" + first.getAs("benchmark") + "/"
        + first.getAs("subtask") + " doc " + first.getAs("doc_id") + "): " + what, -1,
        e instanceof ModelFailure f ? f.fix() : null, e);
  }
}
