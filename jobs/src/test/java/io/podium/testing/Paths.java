package io.podium.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project and the shared benchmark data are, seen from a test. */
public final class Paths {

  private Paths() {}

  /** The repository root (set by the build as podium.root). */
  public static Path root() {
    String root = System.getProperty("podium.root");
    Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
    return p.toAbsolutePath().normalize();
  }

  /** ../shared/data beside the clone; the calling test is skipped, with the reason, when it is absent. */
  public static Path sharedData() {
    Path data = root().resolve("../shared/data").normalize();
    assumeTrue(Files.isDirectory(data.resolve("bbh")),
        "skipped: the real benchmark files are not at " + data + " (../shared/data beside the clone)");
    return data;
  }
}
