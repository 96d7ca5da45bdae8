package io.podium.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident memory (Linux: VmHWM, reset through clear_refs). */
final class ResidentMemory {

  private static final Path STATUS = Path.of("/proc/self/status");

  private ResidentMemory() {}

  /** Peak resident bytes since the start or the last {@link #resetPeak}; -1 where unknown. */
  static long peak() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return -1;
  }

  /** Starts a new peak at the current resident size (Linux 4.0+: "5" to clear_refs). */
  static void resetPeak() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException e) {
      // not Linux, or not permitted: the peak then covers the whole run
    }
  }

  static String format(long bytes) {
    return bytes < 0 ? "unknown" : String.format("%.2f GiB", bytes / (double) (1L << 30));
  }
}
