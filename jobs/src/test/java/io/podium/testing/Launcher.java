package io.podium.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs bin/podium as a user would, in a child process, on the jar that mvn package built. */
public final class Launcher {

  public final int code;
  public final String output;

  private Launcher(int code, String output) {
    this.code = code;
    this.output = output;
  }

  public static Launcher run(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Paths.root().resolve("bin/podium").toString());
    command.addAll(List.of(args));
    Path log = Files.createTempFile(workDir, "podium", ".log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("PODIUM_NO_BUILD", "1"); // use the jar of this build; never build from a test
    pb.environment().remove("SPARK_HOME");
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("bin/podium " + String.join(" ", args) + " ran over 5 minutes");
    }
    return new Launcher(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "exit " + code + "\n" + output;
  }
}
