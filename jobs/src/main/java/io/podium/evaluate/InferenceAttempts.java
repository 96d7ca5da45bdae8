package io.podium.evaluate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkContext;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.storage.RDDInfo;

/**
 * Counts the task attempts of a run's inference stages, from Spark's own scheduler events: how
 * many ran, how many were lost (an executor died, a task failed) and how many requests were
 * therefore computed again. The run prints these per chunk, so that what a fault cost is a
 * number, not a guess.
 */
final class InferenceAttempts extends SparkListener {

  /** What one chunk's inference cost. */
  record Counts(int tasks, int attempts, int lost, long recomputed, Map<String, Integer> reasons) {
    String describe() {
      return tasks + " inference task(s), " + attempts + " attempt(s)"
          + (lost == 0 ? "" : ", " + lost + " lost " + reasons + ", " + recomputed + " request(s) computed again");
    }
  }

  private final SparkContext sc;
  private final String rddName;
  private final Set<Integer> stages = new HashSet<>();
  private final Set<Integer> succeeded = new HashSet<>();
  private final Set<Integer> failedPartitions = new HashSet<>();
  private final Map<Integer, Long> recordsOfPartition = new HashMap<>();
  private final Map<String, Integer> reasons = new TreeMap<>();
  private int attempts;
  private int lost;

  /** Listens for the stages whose RDD is named {@code rddName}. */
  InferenceAttempts(SparkContext sc, String rddName) {
    this.sc = sc;
    this.rddName = rddName;
  }

  @Override
  public synchronized void onStageSubmitted(SparkListenerStageSubmitted event) {
    StageInfo stage = event.stageInfo();
    scala.collection.Iterator<RDDInfo> rdds = stage.rddInfos().iterator();
    while (rdds.hasNext()) {
      if (rddName.equals(rdds.next().name())) {
        stages.add(stage.stageId());
      }
    }
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd event) {
    if (!stages.contains(event.stageId())) {
      return;
    }
    attempts++;
    int partition = event.taskInfo().partitionId();
    if (event.reason() == Success$.MODULE$) {
      succeeded.add(partition);
      if (event.taskMetrics() != null) {
        recordsOfPartition.put(partition, event.taskMetrics().shuffleReadMetrics().recordsRead());
      }
    } else {
      lost++;
      failedPartitions.add(partition);
      reasons.merge(event.reason().getClass().getSimpleName().replace("$", ""), 1, Integer::sum);
    }
  }

  /**
   * The counts since the last call (one chunk), once the scheduler's events of the chunk's jobs
   * have all reached this listener.
   */
  synchronized Counts takeChunk() {
    long recomputed = 0;
    for (int p : failedPartitions) {
      recomputed += recordsOfPartition.getOrDefault(p, 0L);
    }
    Counts counts = new Counts(succeeded.size(), attempts, lost, recomputed, new TreeMap<>(reasons));
    stages.clear();
    succeeded.clear();
    failedPartitions.clear();
    recordsOfPartition.clear();
    reasons.clear();
    attempts = 0;
    lost = 0;
    return counts;
  }

  /**
   * Waits until every event posted so far has been delivered. (The listener bus's
   * {@code waitUntilEmpty} is Scala {@code private[spark]}, public to Java; events are delivered
   * asynchronously, and a chunk's task ends must be counted before the chunk is reported.)
   */
  void drain() {
    try {
      sc.listenerBus().waitUntilEmpty(10_000);
    } catch (TimeoutException e) {
      // counts may miss the last events of a very busy bus; the chunk is reported anyway
    }
  }
}
