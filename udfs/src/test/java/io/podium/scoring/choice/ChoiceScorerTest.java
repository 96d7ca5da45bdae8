package io.podium.scoring.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.scoring.DocumentScore;
import io.podium.scoring.SampleScore;
import io.podium.scoring.ScoringInput;
import io.podium.scoring.ScoringInput.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChoiceScorerTest {

  private static final ChoiceScorer BOTH = new ChoiceScorer(List.of("acc", "acc_norm"));

  private static ScoringInput doc(List<String> choices, int gold, Double... lls) {
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < lls.length; i++) {
      if (lls[i] != null) {
        answers.add(new Answer(i, lls[i], null));
      }
    }
    return new ScoringInput("bbh", "navigate", 7, Map.of(), choices, gold, choices.size(), answers);
  }

  private static SampleScore metric(DocumentScore score, String name) {
    return score.scores().stream().filter(s -> s.metric().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void accPicksTheHighestLoglikelihoodAndAccNormDividesByCharacters() {
    // per character: -6.5 / 13 = -0.5 and -6.8 / 2 = -3.4
    DocumentScore s = BOTH.score(doc(List.of("a long answer", "no"), 1, -6.5, -6.8));
    assertEquals(0, metric(s, "acc").chosenIndex());
    assertEquals(0.0, metric(s, "acc").value());
    assertEquals(0, metric(s, "acc_norm").chosenIndex());

    DocumentScore t = BOTH.score(doc(List.of("aaaaaaaaaa", "b"), 0, -5.0, -4.0));
    assertEquals(1, metric(t, "acc").chosenIndex()); // -4 > -5
    assertEquals(0.0, metric(t, "acc").value());
    assertEquals(0, metric(t, "acc_norm").chosenIndex()); // -0.5 > -4
    assertEquals(1.0, metric(t, "acc_norm").value());
    assertEquals(0, metric(t, "acc_norm").goldIndex());
    assertTrue(metric(t, "acc_norm").details().contains("\"normalized\":[-0.5,-4.0]"), metric(t, "acc_norm").details());
  }

  @Test
  void lengthIsCountedInCodePointsLikePythonLen() {
    // "😀😀" is 2 characters in Python (4 UTF-16 units in Java): -2.0 / 2 = -1.0 < -2.7 / 3 = -0.9.
    // Counted in UTF-16 units it would be -0.5 and win.
    DocumentScore s = BOTH.score(doc(List.of("😀😀", "abc"), 0, -2.0, -2.7));
    assertEquals(1, metric(s, "acc_norm").chosenIndex());
    assertEquals(-1.0, ChoiceScorer.perCharacter(new double[] {-2.0}, List.of("😀😀"))[0]);
  }

  @Test
  void tiesGoToTheLowestIndexAndAreRecorded() {
    DocumentScore s = BOTH.score(doc(List.of("A", "B", "C"), 2, -1.0, -3.0, -1.0));
    SampleScore acc = metric(s, "acc");
    assertEquals(0, acc.chosenIndex());
    assertEquals(0.0, acc.value());
    assertTrue(acc.details().contains("\"tied_with\":[2]"), acc.details());
  }

  @Test
  void aMissingChoiceMakesTheDocumentIncompleteNotWrong() {
    DocumentScore s = BOTH.score(doc(List.of("A", "B", "C", "D"), 0, -1.0, null, -2.0, null));
    assertFalse(s.isComplete());
    assertTrue(s.scores().isEmpty());
    assertEquals("no predictions for choices [1, 3]", s.incompleteReason());
  }

  @Test
  void nanOrInfiniteLoglikelihoodsAreReportedNotScored() {
    DocumentScore s = BOTH.score(doc(List.of("A", "B"), 0, Double.NaN, -2.0));
    assertFalse(s.isComplete());
    assertEquals("log-likelihood is NaN or infinite for choice [0]", s.incompleteReason());
    assertFalse(BOTH.score(doc(List.of("A", "B"), 0, -1.0, Double.NEGATIVE_INFINITY)).isComplete());
  }

  @Test
  void aGoldOutsideTheChoicesScoresZeroAsInTheHarness() {
    DocumentScore s = BOTH.score(doc(List.of("A", "B"), -100, -1.0, -2.0));
    assertTrue(s.isComplete());
    assertEquals(0.0, metric(s, "acc").value());
    assertEquals(0.0, metric(s, "acc_norm").value());
    assertEquals(-100, metric(s, "acc").goldIndex());
  }

  @Test
  void onlyTheRequestedMetricsAreComputedAndUnknownOnesFail() {
    DocumentScore s = new ChoiceScorer(List.of("acc")).score(doc(List.of("A", "B"), 1, -3.0, -2.0));
    assertEquals(1, s.scores().size());
    assertEquals(1.0, s.scores().get(0).value());
    assertThrows(IllegalArgumentException.class, () -> new ChoiceScorer(List.of("f1")));
  }

  @Test
  void aPredictionForAChoiceTheDocumentDoesNotHaveNamesTheDocument() {
    ScoringInput input = new ScoringInput("bbh", "navigate", 7, Map.of(), List.of("A", "B"), 0, 2,
        List.of(new Answer(0, -1.0, null), new Answer(1, -1.0, null), new Answer(2, -1.0, null)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BOTH.score(input));
    assertTrue(e.getMessage().startsWith("bbh/navigate doc 7: prediction for choice 2"), e.getMessage());
  }
}
