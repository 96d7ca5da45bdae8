package io.podium.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.podium.testing.Paths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Airflow DAG's tests (airflow/tests, Python standard library only), run after package so
 * that they check every task's command line against the jar just built ({@code --dry-run}).
 */
class AirflowDagIT {

  @TempDir
  Path tmp;

  @Test
  void airflowDagTestsPass() throws Exception {
    assumeTrue(python3Runs(), "skipped: python3 is not installed (the Airflow DAG tests need it)");
    Path log = tmp.resolve("airflow-tests.log");
    Process p = new ProcessBuilder("python3", "-m", "unittest", "discover", "-s", "airflow/tests", "-v")
        .directory(Paths.root().toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("the Airflow DAG tests ran over 10 minutes:\n" + Files.readString(log));
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println(output);
    assertEquals(0, p.exitValue(), "python3 -m unittest discover -s airflow/tests failed:\n" + output);
  }

  private static boolean python3Runs() {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
