package io.podium.conf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The leaderboard's benchmarks, the way the harness's {@code leaderboard.yaml} is its group: which
 * benchmarks, in column order, and the names the board shows. Read from the {@code benchmarks}
 * list of {@code conf/leaderboard/normalization.yaml}, which gives each one's normalization too;
 * the result tables' per-benchmark columns, the views and the import follow this list.
 *
 * @param benchmarks the members, in the board's column order
 */
public record BenchmarkGroup(List<Member> benchmarks) {

  /** The group's file in the jar. */
  public static final String FILE = "conf/leaderboard/normalization.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static BenchmarkGroup shipped;

  /**
   * One benchmark of the group.
   *
   * @param benchmark its name, as {@code conf/benchmarks/NAME.yaml} defines it
   * @param column the name the board shows (the Open LLM Leaderboard's column)
   */
  public record Member(String benchmark, String column) {}

  public BenchmarkGroup {
    benchmarks = List.copyOf(benchmarks);
    if (benchmarks.isEmpty()) {
      throw new IllegalArgumentException("the leaderboard group has no benchmark");
    }
  }

  /** The group as shipped, read once. */
  public static synchronized BenchmarkGroup shipped() {
    if (shipped == null) {
      try {
        shipped = PodiumConf.load(FILE, BenchmarkGroup::load);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shipped;
  }

  /** Reads the {@code benchmarks} list (each with {@code benchmark} and {@code column}). */
  public static BenchmarkGroup load(InputStream in, String fileName) throws IOException {
    JsonNode list = YAML.readTree(in).path("benchmarks");
    List<Member> members = new ArrayList<>();
    for (JsonNode b : list) {
      String name = b.path("benchmark").asText("");
      String column = b.path("column").asText("");
      if (name.isEmpty() || column.isEmpty()) {
        throw new IOException(fileName + ": benchmark " + (members.size() + 1)
            + " needs a benchmark and a column (the name the board shows)");
      }
      members.add(new Member(name, column));
    }
    if (members.isEmpty()) {
      throw new IOException(fileName + " lists no benchmarks");
    }
    return new BenchmarkGroup(members);
  }

  /** The benchmark names, in column order. */
  public List<String> names() {
    return benchmarks.stream().map(Member::benchmark).toList();
  }

  /** The name the board shows for {@code benchmark}. */
  public String column(String benchmark) {
    return benchmarks.stream().filter(m -> m.benchmark().equals(benchmark)).map(Member::column).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("benchmark " + benchmark + " is not in the group (" + FILE + ")"));
  }
}
