package io.podium.pipeline;

import static io.podium.testing.Tables.content;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.conf.PodiumConf;
import io.podium.testing.Cli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run-pipeline end to end on the bundled samples: two built-in models and a broken submission. */
class RunPipelineTest {

  @TempDir
  Path tmp;

  @Test
  void submittedModelsAreEvaluatedScoredAndRankedWhileABrokenOneFails() throws Exception {
    Path samples = tmp.resolve("samples");
    PodiumConf.copySamples(samples);
    String wh = tmp.resolve("wh").toString();
    for (String name : List.of("tiny-gpt", "bigram-gpt")) {
      Cli ok = Cli.in(wh, "submit", "--model", "podium/" + name, "--revision", "v1", "--precision", "float32",
          "--backend", "builtin", "--uri", name, "--submitter", "ci");
      assertEquals(0, ok.code, ok.toString());
    }
    Path nowhere = tmp.resolve("no-such-export");
    Cli broken = Cli.in(wh, "submit", "--model", "org/broken", "--revision", "abc1234", "--precision", "float32",
        "--backend", "onnx", "--uri", nowhere.toString(), "--submitter", "ci");
    assertEquals(0, broken.code, broken.toString());

    Cli run = Cli.in(wh, "run-pipeline", "--source", samples.toString());
    assertEquals(0, run.code, run.toString());
    assertTrue(run.out.contains("pipeline done: 2 evaluated, 1 failed (org/broken@abc1234#float32"), run.out);

    List<String> states = content("SELECT model_key, status FROM delta.`" + wh + "/submissions`");
    assertEquals(List.of("org/broken@abc1234#float32,FAILED", "podium/bigram-gpt@v1#float32,FINISHED",
        "podium/tiny-gpt@v1#float32,FINISHED"), states);
    String reason = content("SELECT reason FROM delta.`" + wh + "/submissions` WHERE status = 'FAILED'").get(0);
    assertTrue(reason.contains(nowhere.toString()), reason);

    assertEquals(List.of("podium/bigram-gpt@v1#float32,true", "podium/tiny-gpt@v1#float32,true"),
        content("SELECT model_key, ranked FROM delta.`" + wh + "/leaderboard`"));

    // Again: the source is unchanged, nothing is pending, the scores are the same.
    Cli again = Cli.in(wh, "run-pipeline", "--source", samples.toString());
    assertEquals(0, again.code, again.toString());
    assertTrue(again.out.contains("source unchanged since the last ingest"), again.out);
    assertTrue(again.out.contains("claimed 0 submission(s)"), again.out);
    assertTrue(again.out.contains("scores unchanged since snapshot"), again.out);
  }
}
