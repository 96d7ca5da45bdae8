package io.podium.rapids;

import io.podium.app.Podium;
import io.podium.conf.PodiumConf;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RAPIDS plan check: runs every job's SQL work (ingest, evaluate, score, snapshot, the
 * leaderboard read, and the SQL functions) with the RAPIDS Accelerator in explain-only mode and
 * writes, per job, which operators would run on the GPU and why the others would not. Runs on a
 * CPU; submit it like any job, with the RAPIDS jar and podium-rapids.jar in {@code --jars}:
 *
 * <pre>
 *   spark-submit --properties-file conf/spark/rapids-explain.conf \
 *     --jars rapids-4-spark_2.13-26.08.1.jar,podium-rapids.jar \
 *     --class io.podium.rapids.PlanCheck podium-jobs.jar --warehouse DIR --out gpu-plan.tsv
 * </pre>
 *
 * Without {@code --source} it ingests the samples shipped in the jar.
 */
public final class PlanCheck {

  /** A command line of bin/podium, run as part of {@code job}. */
  private record Step(String job, String... args) {}

  private PlanCheck() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    String warehouse = required(options, "warehouse");
    Path out = Path.of(required(options, "out"));
    String model = options.getOrDefault("model", "builtin:tiny-gpt");
    String source = options.get("source");
    if (source == null) {
      Path samples = Files.createTempDirectory("podium-samples");
      PodiumConf.copySamples(samples);
      source = samples.toString();
    }

    PlanVerdicts verdicts = PlanVerdicts.install();
    List<Step> steps = List.of(
        new Step("ingest", "ingest", "--warehouse", warehouse, "--source", source),
        new Step("evaluate", "evaluate", "--warehouse", warehouse, "--model", model),
        new Step("score", "score", "--warehouse", warehouse),
        new Step("snapshot", "snapshot", "--warehouse", warehouse),
        new Step("leaderboard", "leaderboard", "--warehouse", warehouse),
        new Step("sql-functions", "sql", "--warehouse", warehouse,
            "SELECT task, podium_loglikelihood('" + model + "', context, continuation) AS loglikelihood "
                + "FROM requests WHERE continuation IS NOT NULL ORDER BY task, doc_id LIMIT 16"),
        new Step("sql-functions", "sql", "--warehouse", warehouse,
            "SELECT task, podium_generate('" + model + "', context, 4) AS generated "
                + "FROM requests WHERE benchmark = 'ifeval' ORDER BY doc_id LIMIT 4"));

    PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream errors = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    for (Step step : steps) {
      verdicts.job(step.job());
      console.println("== " + String.join(" ", step.args()));
      int code = Podium.commandLine().run(step.args(), console, errors);
      if (code != 0) {
        throw new IllegalStateException("plan check: 'podium " + String.join(" ", step.args()) + "' exited " + code);
      }
    }
    List<String> rows = verdicts.rows();
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.write(out, rows, StandardCharsets.UTF_8);
    console.println("== " + (rows.size() - 1) + " operator verdicts written to " + out);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>(List.of(args));
    while (!rest.isEmpty()) {
      String flag = rest.remove(0);
      if (!flag.startsWith("--") || rest.isEmpty()) {
        throw new IllegalArgumentException("usage: PlanCheck --warehouse DIR --out FILE [--source DIR] [--model SPEC]");
      }
      options.put(flag.substring(2), rest.remove(0));
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("PlanCheck needs --" + name);
    }
    return value;
  }
}
