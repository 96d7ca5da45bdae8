package io.podium.score;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podium.scoring.DocumentScore;
import io.podium.scoring.DocumentScorer;
import io.podium.scoring.SampleScore;
import io.podium.scoring.ScoringInput;
import io.podium.spark.SparkValues;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Scores documents inside Spark tasks. Input: one row per (model, document) with the model's
 * answers (see {@link ScoreJob}); output: one row per metric of a complete document, or one
 * row with {@code incomplete_reason} set for a document that cannot be scored yet.
 */
final class ScoreFunction implements MapPartitionsFunction<Row, Row> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /**
   * Columns of the output: sample_scores' content columns, the incomplete reason, and whether
   * the document was not asked at all (no answer to any of its requests: outside a
   * {@code --limit}, or not reached yet), which leaves its task partial rather than unscored.
   */
  static final StructType SCHEMA = new StructType()
      .add("model_key", "string", false)
      .add("benchmark", "string", false)
      .add("subtask", "string", false)
      .add("task", "string", false)
      .add("doc_id", "int", false)
      .add("metric", "string", true)
      .add("method", "string", true)
      .add("value", "double", true)
      .add("weight", "int", true)
      .add("chosen_index", "int", true)
      .add("gold_index", "int", true)
      .add("extracted_answer", "string", true)
      .add("normalized_answer", "string", true)
      .add("gold_answer", "string", true)
      .add("instruction_ids", "array<string>", true)
      .add("instruction_verdicts", "array<boolean>", true)
      .add("details", "string", true)
      .add("incomplete_reason", "string", true)
      .add("unanswered", "boolean", false);

  private final Map<String, DocumentScorer> scorers;

  /** @param scorers the scorer of each benchmark */
  ScoreFunction(Map<String, DocumentScorer> scorers) {
    this.scorers = Map.copyOf(scorers);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) throws Exception {
    List<Row> out = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      ScoringInput input = input(r);
      DocumentScorer scorer = scorers.get(input.benchmark());
      if (scorer == null) {
        throw new IllegalStateException("no scorer for benchmark " + input.benchmark());
      }
      String modelKey = r.getAs("model_key");
      String task = r.getAs("task");
      DocumentScore score;
      try {
        score = scorer.score(input);
      } catch (RuntimeException e) {
        throw new IllegalStateException("scoring " + input.describe() + " of " + modelKey + " failed: "
            + e.getMessage(), e);
      }
      if (!score.isComplete()) {
        out.add(RowFactory.create(modelKey, input.benchmark(), input.subtask(), task, input.docId(), null, null, null,
            null, null, null, null, null, null, null, null, null, score.incompleteReason(), input.answers().isEmpty()));
        continue;
      }
      for (SampleScore s : score.scores()) {
        out.add(RowFactory.create(modelKey, input.benchmark(), input.subtask(), task, input.docId(), s.metric(),
            s.method(), s.value(), s.weight(), s.chosenIndex(), s.goldIndex(), s.extractedAnswer(),
            s.normalizedAnswer(), s.goldAnswer(), SparkValues.seq(s.instructionIds()),
            SparkValues.seq(s.instructionVerdicts()), s.details(), null, false));
      }
    }
    return out.iterator();
  }

  static ScoringInput input(Row r) throws Exception {
    List<Row> answerRows = r.getList(r.fieldIndex("answers"));
    List<ScoringInput.Answer> answers = new ArrayList<>(answerRows.size());
    for (Row a : answerRows) {
      answers.add(new ScoringInput.Answer(a.getInt(0), a.isNullAt(1) ? null : a.getDouble(1),
          a.isNullAt(2) ? null : a.getString(2)));
    }
    int choicesIndex = r.fieldIndex("choices");
    List<String> choices = r.isNullAt(choicesIndex) ? null : r.getList(choicesIndex);
    Integer gold = r.getAs("gold_index");
    String doc = r.getAs("doc");
    return new ScoringInput(r.getAs("benchmark"), r.getAs("subtask"), r.<Integer>getAs("doc_id"),
        JSON.readValue(doc, MAP), choices, gold, r.<Long>getAs("expected").intValue(), answers);
  }
}
