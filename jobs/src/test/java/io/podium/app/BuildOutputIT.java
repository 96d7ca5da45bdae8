package io.podium.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.testing.Paths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's output is plain text: Maven colours its log with ANSI escape codes when it is not
 * told otherwise, even into a pipe or a file (bin/podium's build step, CI logs, Airflow's task
 * logs), and the jansi that Debian's Maven 3.8.7 ships writes a reset code ({@code ESC[0m}) before
 * the first line and after the last even in batch mode. {@code .mvn/maven.config} turns colours
 * off ({@code -Dstyle.color=never}) and {@code .mvn/jvm.config} the resets ({@code
 * -Djansi.noreset=true}) for every build of the project.
 */
class BuildOutputIT {

  @TempDir
  Path tmp;

  @Test
  void mavenPrintsNoEscapeCodes() throws Exception {
    Path log = tmp.resolve("mvn.log");
    // Neither -B nor -q: the log as a user's own mvn prints it, a [WARNING] line included.
    Process p = new ProcessBuilder("mvn", "-o", "-N", "validate", "-Pno-such-profile")
        .directory(Paths.root().toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "mvn validate ran over 2 minutes");
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("[INFO] BUILD SUCCESS") && output.contains("[WARNING] The requested profile"),
        output);
    assertFalse(output.contains("\u001b"), "an escape code in: " + output);
  }
}
