package io.podium.leaderboard.view;

import io.podium.tables.Tables;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the {@code leaderboard} table (one model in one snapshot), every column by name in
 * the table's column order; timestamps are {@link java.time.Instant}s.
 */
public record Entry(Map<String, Object> values) {

  public Entry {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public String modelKey() {
    return (String) values.get("model_key");
  }

  public String modelId() {
    return (String) values.get("model_id");
  }

  public String revision() {
    return (String) values.get("revision");
  }

  public String precision() {
    return (String) values.get("precision");
  }

  public boolean ranked() {
    return Boolean.TRUE.equals(values.get("ranked")) && rank() != null;
  }

  /** 1 = best; null when not ranked. */
  public Integer rank() {
    Object v = values.get("rank");
    return v == null ? null : ((Number) v).intValue();
  }

  /** Whether the next rank is statistically tied with this one. */
  public boolean tiedWithNext() {
    return Boolean.TRUE.equals(values.get("tied_with_next"));
  }

  /** Documents the model's scores stand on; null in snapshots taken before Podium kept it. */
  public Long documents() {
    Object v = values.get("documents");
    return v == null ? null : ((Number) v).longValue();
  }

  /** Why a model is not ranked (what it lacks, or the other documents it was scored on); null when ranked. */
  public String missing() {
    return (String) values.get("missing");
  }

  /**
   * A score column: {@code average} or a benchmark of {@link Tables#LEADERBOARD_BENCHMARKS}
   * (normalized, 0-100), or the same with {@code _low}, {@code _high} or {@code _raw}.
   */
  public Double score(String column) {
    Object v = values.get(column);
    return v == null ? null : ((Number) v).doubleValue();
  }

  public Double low(String score) {
    return score(score + "_low");
  }

  public Double high(String score) {
    return score(score + "_high");
  }
}
