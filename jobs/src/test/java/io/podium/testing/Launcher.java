package io.podium.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    return run(workDir, Map.of(), args);
  }

  /** Runs bin/podium as {@link #run(Path, String...)} does, with {@code env} added to its environment. */
  public static Launcher run(Path workDir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Paths.root().resolve("bin/podium").toString());
    command.addAll(List.of(args));
    Path log = Files.createTempFile(workDir, "podium", ".log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("PODIUM_NO_BUILD", "1"); // use the jar of this build; never build from a test
    pb.environment().remove("SPARK_HOME");
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("bin/podium " + String.join(" ", args) + " ran over 5 minutes");
    }
    return new Launcher(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /**
   * Starts bin/podium in a child process and returns at once: for tests that watch a run's output,
   * kill a driver mid-run or run several commands at the same time. Output (stdout and stderr
   * together) goes to a log file in workDir.
   */
  public static Running start(Path workDir, String... args) throws IOException {
    return start(workDir, ProcessBuilder.Redirect.from(new java.io.File("/dev/null")), args);
  }

  /**
   * Starts bin/podium like {@link #start}, with its standard input a pipe this test writes to
   * ({@link Running#send}): for a session with a long-lived command such as {@code podium shell}.
   */
  public static Running startWithInput(Path workDir, String... args) throws IOException {
    return start(workDir, ProcessBuilder.Redirect.PIPE, args);
  }

  private static Running start(Path workDir, ProcessBuilder.Redirect input, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.root().resolve("bin/podium").toString());
    command.addAll(List.of(args));
    Path log = Files.createTempFile(workDir, "podium", ".log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).redirectInput(input);
    pb.environment().put("PODIUM_NO_BUILD", "1");
    pb.environment().remove("SPARK_HOME");
    return new Running(pb.start(), log, String.join(" ", args));
  }

  /** A bin/podium run in progress (see {@link #start}). */
  public static final class Running {

    private final Process process;
    private final Path log;
    private final String args;

    private Running(Process process, Path log, String args) {
      this.process = process;
      this.log = log;
      this.args = args;
    }

    /** The output so far. */
    public String output() throws IOException {
      return Files.readString(log, StandardCharsets.UTF_8);
    }

    public Path log() {
      return log;
    }

    /** The bash process of bin/podium (the driver JVM is its child). */
    public ProcessHandle process() {
      return process.toHandle();
    }

    public boolean isAlive() {
      return process.isAlive();
    }

    /** Writes text to the run's standard input (see {@link #startWithInput}). */
    public void send(String text) throws IOException {
      process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().flush();
    }

    /**
     * Waits until {@code count} lines of the output match (find) and returns them; fails when the
     * run ends first or the time is over.
     */
    public List<String> awaitLines(java.util.regex.Pattern pattern, int count, java.time.Duration timeout)
        throws IOException, InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        boolean ended = !process.isAlive();
        List<String> found = new ArrayList<>();
        for (String line : output().split("\n", -1)) {
          if (pattern.matcher(line).find()) {
            found.add(line);
          }
        }
        if (found.size() >= count) {
          return found;
        }
        if (ended || System.nanoTime() > deadline) {
          throw new IOException((ended ? "bin/podium " + args + " ended (exit " + process.exitValue() + ")" : "time over")
              + " before " + count + " lines matched " + pattern + ":\n" + output());
        }
        Thread.sleep(100);
      }
    }

    /**
     * Waits until a line of the output matches (find) and returns that line; fails when the run
     * ends first or the time is over.
     */
    public String awaitLine(java.util.regex.Pattern pattern, java.time.Duration timeout)
        throws IOException, InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        boolean ended = !process.isAlive();
        for (String line : output().split("\n", -1)) {
          if (pattern.matcher(line).find()) {
            return line;
          }
        }
        if (ended) {
          throw new IOException("bin/podium " + args + " ended (exit " + process.exitValue()
              + ") before a line matched " + pattern + ":\n" + output());
        }
        if (System.nanoTime() > deadline) {
          throw new IOException("no line matched " + pattern + " within " + timeout + " in bin/podium " + args
              + ":\n" + output());
        }
        Thread.sleep(100);
      }
    }

    /**
     * SIGKILLs bin/podium and every process under it (the driver JVM), as a crash would, and
     * waits until they are gone.
     */
    public void killTree() throws InterruptedException {
      List<ProcessHandle> all = new ArrayList<>();
      all.add(process.toHandle());
      process.toHandle().descendants().forEach(all::add);
      // The children first, so that none is left to a parent that exits.
      for (int i = all.size() - 1; i >= 0; i--) {
        all.get(i).destroyForcibly();
      }
      for (ProcessHandle p : all) {
        try {
          p.onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
          throw new IllegalStateException("process " + p.pid() + " did not exit after SIGKILL", e);
        }
      }
    }

    /** Waits for the end of the run; on timeout kills the tree and fails. */
    public Launcher finish(java.time.Duration timeout) throws IOException, InterruptedException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        killTree();
        throw new IOException("bin/podium " + args + " ran over " + timeout + ":\n" + output());
      }
      return new Launcher(process.exitValue(), output());
    }
  }

  @Override
  public String toString() {
    return "exit " + code + "\n" + output;
  }
}
