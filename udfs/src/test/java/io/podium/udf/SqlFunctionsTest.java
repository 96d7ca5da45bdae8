package io.podium.udf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The SQL functions' batch path (what a columnar engine calls with a whole batch) against their row
 * path (what Spark calls row by row): the same values, nulls where an argument is null.
 */
class SqlFunctionsTest {

  private static final HadoopModelFolders FOLDERS = HadoopModelFolders.from(new Configuration());

  @Test
  void aBatchOfMixedModelsScoresEachRowAsItsRowCallDoes() throws Exception {
    LoglikelihoodFunction f = new LoglikelihoodFunction(FOLDERS);
    String[] models = {"builtin:tiny-gpt", "builtin:bigram-gpt", null, "builtin:tiny-gpt", "builtin:bigram-gpt"};
    String[] contexts = {"The capital of France is", "2 + 2 =", "x", "Question: 1 + 1 =", null};
    String[] continuations = {" Paris", " 4", " y", " 2", " z"};
    Double[] batch = f.evaluate(models, contexts, continuations);
    for (int row = 0; row < models.length; row++) {
      Double alone = f.call(models[row], contexts[row], continuations[row]);
      if (alone == null) {
        assertNull(batch[row], "row " + row);
      } else {
        // batched rows are padded to their neighbours: equal to float rounding, as the engine's
        // batch-invariance tests require (1e-4 there)
        assertEquals(alone, batch[row], 1e-5, "row " + row);
      }
    }
    assertNotNull(batch[0]);
    assertNotEquals(batch[0], batch[3]);
    assertNull(batch[2]);
    assertNull(batch[4]);
  }

  @Test
  void generationBatchesAgreeWithRowCalls() throws Exception {
    GenerateFunction f = new GenerateFunction(FOLDERS);
    String[] models = {"builtin:tiny-gpt", "builtin:tiny-gpt", "builtin:bigram-gpt"};
    String[] prompts = {"Once upon a time", "Q: 3 + 4 = ", "Hello"};
    Integer[] maxTokens = {8, 4, null};
    String[] batch = f.evaluate(models, prompts, maxTokens);
    for (int row = 0; row < 2; row++) {
      assertEquals(f.call(models[row], prompts[row], maxTokens[row]), batch[row], "row " + row);
    }
    assertNull(batch[2]);
  }

  @Test
  void withoutTheRapidsJarTheRowFunctionsAreRegistered() {
    assertInstanceOf(RowSqlFunctions.class, SqlFunctions.provider());
  }
}
