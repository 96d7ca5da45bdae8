package io.podium.testing;

import io.podium.app.Podium;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a podium command line in the test JVM (on the shared SparkSession) and keeps its output. */
public final class Cli {

  public final int code;
  public final String out;
  public final String err;

  private Cli(int code, String out, String err) {
    this.code = code;
    this.out = out;
    this.err = err;
  }

  public static Cli run(String... args) {
    TestSpark.get();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Podium.commandLine().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs {@code podium COMMAND --warehouse WAREHOUSE ARGS...}. */
  public static Cli in(String warehouse, String command, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = command;
    all[1] = "--warehouse";
    all[2] = warehouse;
    System.arraycopy(args, 0, all, 3, args.length);
    return run(all);
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
  }
}
