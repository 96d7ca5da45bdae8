package io.podium.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A Spark event log ({@code spark.eventLog.enabled}, uncompressed), read back: what the
 * scheduler itself recorded about stages, their resource profiles and every task attempt.
 */
public final class EventLog {

  /** One task attempt as the scheduler recorded its end. */
  public record Task(long id, int stage, int partition, String executor, long launch, long finish, String reason) {
    public boolean succeeded() {
      return reason.equals("Success");
    }

    public boolean overlaps(Task other) {
      return launch < other.finish && other.launch < finish;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<Integer, Integer> stageProfiles = new HashMap<>();
  private final Map<Integer, Set<String>> stageRdds = new HashMap<>();
  private final Map<Integer, Map<String, Double>> profileTaskResources = new HashMap<>();
  private final List<Task> tasks = new ArrayList<>();

  private EventLog() {}

  /** The one application log in {@code dir}. */
  public static EventLog readOnly(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(Files::isRegularFile).toList();
    }
    if (files.size() != 1) {
      throw new IllegalStateException("expected one event log in " + dir + ", found " + files);
    }
    EventLog log = new EventLog();
    for (String line : Files.readAllLines(files.get(0), StandardCharsets.UTF_8)) {
      log.add(JSON.readTree(line));
    }
    return log;
  }

  private void add(JsonNode event) {
    switch (event.path("Event").asText()) {
      case "SparkListenerStageSubmitted" -> {
        JsonNode info = event.path("Stage Info");
        int stage = info.path("Stage ID").asInt();
        stageProfiles.put(stage, info.path("Resource Profile Id").asInt());
        Set<String> names = stageRdds.computeIfAbsent(stage, s -> new HashSet<>());
        info.path("RDD Info").forEach(rdd -> names.add(rdd.path("Name").asText()));
      }
      case "SparkListenerResourceProfileAdded" -> {
        Map<String, Double> requests = new HashMap<>();
        event.path("Task Resource Requests").fields()
            .forEachRemaining(e -> requests.put(e.getKey(), e.getValue().path("Amount").asDouble()));
        profileTaskResources.put(event.path("Resource Profile Id").asInt(), requests);
      }
      case "SparkListenerTaskEnd" -> {
        JsonNode info = event.path("Task Info");
        tasks.add(new Task(info.path("Task ID").asLong(), event.path("Stage ID").asInt(),
            info.path("Partition ID").asInt(), info.path("Executor ID").asText(), info.path("Launch Time").asLong(),
            info.path("Finish Time").asLong(), event.path("Task End Reason").path("Reason").asText()));
      }
      default -> { }
    }
  }

  /** Stage id → the id of the resource profile it ran with. */
  public Map<Integer, Integer> stageProfiles() {
    return stageProfiles;
  }

  /** The stages with an RDD whose name starts with {@code prefix}. */
  public Set<Integer> stagesWithRdd(String prefix) {
    Set<Integer> stages = new HashSet<>();
    stageRdds.forEach((stage, names) -> {
      if (names.stream().anyMatch(n -> n.startsWith(prefix))) {
        stages.add(stage);
      }
    });
    return stages;
  }

  /** What each task of a profile asks for: resource name (cpus, gpu, ...) → amount. */
  public Map<String, Double> taskResources(int profile) {
    Map<String, Double> requests = profileTaskResources.get(profile);
    if (requests == null) {
      throw new IllegalStateException("no resource profile " + profile + " in the event log");
    }
    return requests;
  }

  public List<Task> tasks() {
    return tasks;
  }
}
