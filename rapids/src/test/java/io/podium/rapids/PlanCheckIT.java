package io.podium.rapids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RAPIDS plan check, run as a user runs it (SparkSubmit with the RAPIDS jar and
 * podium-rapids.jar in --jars, conf/spark/rapids-explain.conf) over the shipped samples, compared
 * with the committed verdicts in docs/gpu-plan.tsv: an operator that ran on the GPU in every plan of
 * a job must still do so. {@code -Dpodium.gpu.plan.update=true} writes the new verdicts there.
 */
class PlanCheckIT {

  private static final Path ROOT = Path.of(System.getProperty("podium.root", "..")).toAbsolutePath().normalize();
  private static final Path COMMITTED = ROOT.resolve("docs/gpu-plan.tsv");

  /** (on GPU, off GPU) per "job kind operator". */
  private static Map<String, int[]> read(Path tsv) throws IOException {
    Map<String, int[]> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) { // after the header
      String[] f = line.split("\t", -1);
      out.put(f[0] + " " + f[1] + " " + f[2], new int[] {Integer.parseInt(f[3]), Integer.parseInt(f[4])});
    }
    return out;
  }

  @Test
  void operatorsThatRanOnTheGpuStillDoAndTheSqlFunctionsAreGpuOperators(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("gpu-plan.tsv");
    Path log = ROOT.resolve("rapids/target/plan-check.log");
    Path args = dir.resolve("java-args");
    // The class path in an @argfile: ONNX Runtime's native start-up crashes on a very long command line.
    Files.writeString(args, "-cp\n\"" + Files.readString(Path.of(System.getProperty("spark.classpath.file"))).strip() + "\"\n");
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(List.of(System.getProperty("spark.jvm.flags").trim().split("\\s+")));
    command.addAll(List.of("-Xmx3g", "-Dlog4j.configurationFile=" + ROOT.resolve("conf/log4j2.properties"),
        "@" + args, "org.apache.spark.deploy.SparkSubmit",
        "--properties-file", ROOT.resolve("conf/spark/rapids-explain.conf").toString(),
        "--jars", System.getProperty("rapids.jar") + "," + System.getProperty("podium.rapids.jar"),
        "--class", PlanCheck.class.getName(), System.getProperty("podium.jobs.jar"),
        "--warehouse", dir.resolve("warehouse").toString(), "--out", out.toString()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("DJL_CACHE_DIR", dir.resolve("djl").toString());
    Process p = pb.start();
    assertTrue(p.waitFor(20, TimeUnit.MINUTES), "the plan check did not end within 20 minutes; see " + log);
    assertEquals(0, p.exitValue(), "the plan check failed; see " + log);

    Files.copy(out, ROOT.resolve("rapids/target/gpu-plan.tsv"), StandardCopyOption.REPLACE_EXISTING);
    if (Boolean.getBoolean("podium.gpu.plan.update")) {
      Files.copy(out, COMMITTED, StandardCopyOption.REPLACE_EXISTING);
    }
    Map<String, int[]> now = read(out);
    for (String function : List.of("podium_loglikelihood", "podium_generate")) {
      int[] udf = now.getOrDefault("sql-functions Expression ScalaUDF:" + function, new int[2]);
      assertTrue(udf[0] > 0 && udf[1] == 0, function + " is not a GPU operator: on the GPU " + udf[0]
          + " times, not " + udf[1] + " (see rapids/target/gpu-plan.tsv)");
    }

    List<String> regressions = new ArrayList<>();
    read(COMMITTED).forEach((operator, was) -> {
      int[] is = now.get(operator);
      if (was[0] > 0 && was[1] == 0 && is != null && is[1] > 0) {
        regressions.add(operator + ": was always on the GPU, now off " + is[1] + " of " + (is[0] + is[1]) + " times");
      }
    });
    assertEquals(List.of(), regressions, "operators fell back to the CPU (reasons in rapids/target/gpu-plan.tsv)");
  }
}
