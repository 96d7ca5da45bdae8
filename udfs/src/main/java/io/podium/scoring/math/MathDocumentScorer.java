package io.podium.scoring.math;

import io.podium.scoring.DocumentScore;
import io.podium.scoring.DocumentScorer;
import io.podium.scoring.SampleScore;
import io.podium.scoring.ScoringInput;
import java.util.List;

/**
 * MATH Level 5 {@code exact_match} of one generation ({@code process_results} of the harness's
 * {@code leaderboard_math_hard}): the document's {@code answer} field is the gold's last
 * {@code \boxed{}} content, the generation is the model's response.
 */
public final class MathDocumentScorer implements DocumentScorer {

  private final MathEquivalence method;
  private transient MathScorer scorer;

  public MathDocumentScorer(MathEquivalence method) {
    this.method = method;
  }

  @Override
  public DocumentScore score(ScoringInput input) {
    String response = input.answers().isEmpty() ? null : input.answers().get(0).generatedText();
    if (response == null) {
      return DocumentScore.incomplete("no generation");
    }
    Object gold = input.doc().get("answer");
    if (!(gold instanceof String goldAnswer)) {
      throw new IllegalArgumentException(input.describe() + " has no gold answer (no \\boxed{} in its solution);"
          + " fix the record and re-ingest it");
    }
    MathVerdict v = scorer().score(response, goldAnswer);
    return DocumentScore.complete(List.of(new SampleScore("exact_match", method.id(), v.exactMatch() ? 1.0 : 0.0, 1,
        null, null, v.extracted(), v.normalized(), v.goldNormalized(), null, null, "{}")));
  }

  private MathScorer scorer() {
    if (scorer == null) {
      scorer = new MathScorer(method);
    }
    return scorer;
  }
}
