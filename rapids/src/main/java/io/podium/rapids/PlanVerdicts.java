package io.podium.rapids;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Collects the RAPIDS Accelerator's plan explanations from the log as they are written (RAPIDS
 * logs each planned query's explanation at WARN), each under the job that was running.
 */
final class PlanVerdicts extends AbstractAppender {

  /** Counts and reasons for one operator in one job. */
  static final class Tally {
    int onGpu;
    int offGpu;
    final TreeSet<String> reasons = new TreeSet<>();
  }

  private volatile String job = "setup";
  private final Map<String, Map<String, Tally>> byJob = Collections.synchronizedMap(new TreeMap<>());

  private PlanVerdicts() {
    super("podium-rapids-plan", null, null, true, Property.EMPTY_ARRAY);
  }

  /** Starts collecting from the root logger. */
  static PlanVerdicts install() {
    PlanVerdicts verdicts = new PlanVerdicts();
    verdicts.start();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getRootLogger().addAppender(verdicts, Level.WARN, null);
    context.updateLoggers();
    return verdicts;
  }

  /** What follows is this job's work. */
  void job(String name) {
    job = name;
  }

  @Override
  public void append(LogEvent event) {
    String message = event.getMessage().getFormattedMessage();
    if (!message.contains("run on GPU")) {
      return;
    }
    Map<String, Tally> tallies = byJob.computeIfAbsent(job, j -> Collections.synchronizedMap(new TreeMap<>()));
    for (String line : message.split("\n")) {
      Verdict.parse(line).ifPresent(v -> {
        Tally t = tallies.computeIfAbsent(v.kind() + " " + v.name(), k -> new Tally());
        synchronized (t) {
          if (v.onGpu()) {
            t.onGpu++;
          } else {
            t.offGpu++;
            if (t.reasons.size() < 3) {
              t.reasons.add(v.reason());
            }
          }
        }
      });
    }
  }

  /** job -> "kind name" -> tally, in name order. */
  Map<String, Map<String, Tally>> snapshot() {
    synchronized (byJob) {
      Map<String, Map<String, Tally>> copy = new TreeMap<>();
      byJob.forEach((j, t) -> {
        synchronized (t) {
          copy.put(j, new TreeMap<>(t));
        }
      });
      return copy;
    }
  }

  /** The tab-separated table: job, kind, operator, times on GPU, times not, reasons. */
  List<String> rows() {
    List<String> rows = new ArrayList<>();
    rows.add("job\tkind\toperator\ton_gpu\toff_gpu\treasons");
    snapshot().forEach((j, tallies) -> tallies.forEach((op, t) -> {
      String[] kn = op.split(" ", 2);
      rows.add(String.join("\t", j, kn[0], kn[1], Integer.toString(t.onGpu), Integer.toString(t.offGpu),
          String.join(" | ", t.reasons).replace('\t', ' ')));
    }));
    return rows;
  }
}
