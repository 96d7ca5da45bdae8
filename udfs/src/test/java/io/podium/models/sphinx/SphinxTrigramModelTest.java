package io.podium.models.sphinx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.models.GenerationRequest;
import io.podium.models.GenerationResult;
import io.podium.models.LoglikelihoodRequest;
import io.podium.models.LoglikelihoodResult;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CMU Sphinx en-us trigram model behind the model interface. */
class SphinxTrigramModelTest {

  static SphinxTrigramModel model;

  @BeforeAll
  static void load() throws Exception {
    model = new SphinxTrigramModel("builtin:sphinx-trigram");
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void wordsAreLowercaseLettersOnly() {
    assertEquals(List.of("the", "answer", "is", "a", "times", "don't"),
        SphinxTrigramModel.words("The answer is (A), 42 times. Don't!"));
  }

  @Test
  void itKnowsEnglish() {
    List<LoglikelihoodResult> r = model.loglikelihood(List.of(
        new LoglikelihoodRequest("I would like a cup of", " coffee"),
        new LoglikelihoodRequest("I would like a cup of", " gravel"),
        new LoglikelihoodRequest("The cat sat on the", " mat"),
        new LoglikelihoodRequest("The cat sat on the", " mat quickly yesterday")));
    assertTrue(r.get(0).logprob() > r.get(1).logprob() + 2, r.get(0).logprob() + " vs " + r.get(1).logprob());
    assertEquals(1, r.get(0).tokens());
    assertEquals(3, r.get(3).tokens());
    double sum = 0;
    for (float lp : r.get(3).tokenLogprobs()) {
      sum += lp;
    }
    assertEquals(sum, r.get(3).logprob(), 1e-4);
    // Causal: the first word's log-prob does not depend on what follows.
    assertEquals(r.get(2).tokenLogprobs()[0], r.get(3).tokenLogprobs()[0], 1e-6);
  }

  @Test
  void greedyGenerationStopsAndIsRecognisedAsGreedy() {
    GenerationResult g = model.generate(List.of(new GenerationRequest("In the middle of the", List.of(), 4))).get(0);
    assertEquals(4, g.tokens());
    LoglikelihoodResult r = model.loglikelihood(List.of(new LoglikelihoodRequest("In the middle of the", g.text())))
        .get(0);
    assertTrue(r.isGreedy(), g.text());
    String stopWord = SphinxTrigramModel.words(g.text()).get(1);
    GenerationResult stopped = model.generate(List.of(new GenerationRequest("In the middle of the",
        List.of(" " + stopWord), 4))).get(0);
    assertEquals(" " + SphinxTrigramModel.words(g.text()).get(0), stopped.text());
    assertEquals(" " + stopWord, stopped.stop());
  }
}
