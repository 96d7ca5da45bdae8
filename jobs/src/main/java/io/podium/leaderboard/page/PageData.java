package io.podium.leaderboard.page;

import io.podium.leaderboard.view.Snapshot;
import java.util.List;
import java.util.Map;

/**
 * Everything the page shows of one snapshot: the snapshot itself; per model, where it stood in
 * this and every earlier snapshot; and per model, the subtask scores its benchmark scores were
 * computed from.
 *
 * @param snapshot the snapshot shown
 * @param history model key -> its points, oldest first, up to and including this snapshot
 * @param subtasks model key -> its subtask scores (benchmark, subtask and metric order)
 * @param subtaskSource where the subtask scores were read, in words (the Delta version of
 *     task_scores the snapshot recorded, or why another)
 */
public record PageData(Snapshot snapshot, Map<String, List<HistoryPoint>> history,
    Map<String, List<SubtaskScore>> subtasks, String subtaskSource) {

  public PageData {
    history = Map.copyOf(history);
    subtasks = Map.copyOf(subtasks);
  }

  public List<HistoryPoint> history(String modelKey) {
    return history.getOrDefault(modelKey, List.of());
  }

  public List<SubtaskScore> subtasks(String modelKey) {
    return subtasks.getOrDefault(modelKey, List.of());
  }
}
