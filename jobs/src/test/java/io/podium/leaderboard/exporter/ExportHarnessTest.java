package io.podium.leaderboard.exporter;

import static io.podium.testing.Tables.content;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podium.conf.PodiumConf;
import io.podium.testing.Cli;
import io.podium.testing.TestSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export-harness} writes lm-eval's files, and a round trip (export, then
 * {@code import-harness} into another warehouse) gives the same board: for a run imported from
 * lm-eval, and for a run Podium evaluated (the bundled IFEval and MuSR samples, both complete).
 */
class ExportHarnessTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL = "podium/bigram-gpt@v1#float32";

  @TempDir
  static Path tmp;

  private static String evaluated;

  @BeforeAll
  static void evaluate() throws Exception {
    Path samples = tmp.resolve("samples");
    PodiumConf.copySamples(samples);
    evaluated = tmp.resolve("evaluated").toString();
    Cli ingest = Cli.run("ingest", "--source", samples.toString(), "--warehouse", evaluated,
        "--benchmarks", "ifeval,musr");
    assertEquals(0, ingest.code, ingest.toString());
    Cli run = Cli.in(evaluated, "evaluate", "--model", "builtin:bigram-gpt");
    assertEquals(0, run.code, run.toString());
    assertEquals(0, Cli.in(evaluated, "score").code);
  }

  @Test
  void anImportedRunExportedAndImportedAgainGivesTheSameBoardAndTheSameResults() throws Exception {
    Path original = Path.of(getClass().getResource("/harness/results_pythia-1.4b.json").toURI());
    String first = tmp.resolve("first").toString();
    assertEquals(0, Cli.in(first, "import-harness", original.toString()).code);
    Path out = tmp.resolve("pythia-out");
    Cli export = Cli.in(first, "export-harness", "--model", "EleutherAI/pythia-1.4b@main#unknown", "--out", out.toString());
    assertEquals(0, export.code, export.toString());
    Path results = only(out.resolve("EleutherAI__pythia-1.4b"), "results_");
    assertTrue(export.out.contains("wrote " + results + " (39 tasks)"), export.out);

    JsonNode before = JSON.readTree(original.toFile());
    JsonNode after = JSON.readTree(results.toFile());
    List<String> differences = new ArrayList<>();
    before.get("results").fields().forEachRemaining(task -> task.getValue().fields().forEachRemaining(m -> {
      if (m.getKey().endsWith(",none") && !m.getValue().equals(after.path("results").path(task.getKey()).get(m.getKey()))) {
        differences.add(task.getKey() + " " + m.getKey());
      }
    }));
    assertEquals(List.of(), differences);
    assertEquals(before.get("n-samples"), after.get("n-samples"));
    assertEquals("EleutherAI/pythia-1.4b", after.get("model_name").asText());

    String second = tmp.resolve("second").toString();
    assertEquals(0, Cli.in(second, "import-harness", results.toString()).code);
    assertEquals(board(first), board(second));
  }

  @Test
  void aPodiumRunExportsSamplesAsTheHarnessLogsThemAndRoundTripsToTheSameBoard() throws Exception {
    Path out = tmp.resolve("podium-out");
    Cli export = Cli.in(evaluated, "export-harness", "--model", MODEL, "--out", out.toString());
    assertEquals(0, export.code, export.toString());
    Path folder = out.resolve("podium__bigram-gpt");
    Path results = only(folder, "results_");
    JsonNode root = JSON.readTree(results.toFile());
    assertEquals("pretrained=podium/bigram-gpt,revision=v1,dtype=float32", root.at("/config/model_args").asText());
    assertEquals(List.of("leaderboard_ifeval", "leaderboard_musr_murder_mysteries", "leaderboard_musr_object_placements",
        "leaderboard_musr_team_allocation"), fieldNames(root.get("results")));

    // One samples file per task, one line per document, the metrics of sample_scores.
    Path ifeval = only(folder, "samples_leaderboard_ifeval_");
    List<JsonNode> lines = lines(ifeval);
    assertEquals(content("SELECT doc_id FROM delta.`" + evaluated + "/benchmark_docs` WHERE benchmark = 'ifeval'"
        + " ORDER BY doc_id"), lines.stream().map(l -> l.get("doc_id").asText()).toList());
    assertEquals(content("SELECT doc_id, metric, value FROM delta.`" + evaluated + "/sample_scores` WHERE benchmark"
        + " = 'ifeval' ORDER BY doc_id, metric"), lines.stream().flatMap(l -> Stream.of("inst_level_loose_acc",
        "inst_level_strict_acc", "prompt_level_loose_acc", "prompt_level_strict_acc").map(m -> l.get("doc_id").asText()
        + "," + m + "," + l.get(m).asDouble())).toList());
    Row firstGeneration = TestSpark.get().sql("SELECT r.context, p.generated_text, r.max_gen_toks FROM delta.`"
        + evaluated + "/predictions` p JOIN delta.`" + evaluated + "/requests` r USING (request_id)"
        + " WHERE r.benchmark = 'ifeval' ORDER BY r.doc_id LIMIT 1").first();
    JsonNode first = lines.get(0);
    assertEquals(firstGeneration.getString(0), first.at("/arguments/gen_args_0/arg_0").asText());
    assertEquals(firstGeneration.getInt(2), first.at("/arguments/gen_args_0/arg_1/max_gen_toks").asInt());
    assertEquals(firstGeneration.getString(1), first.at("/resps/0/0").asText());
    assertEquals(firstGeneration.getString(1), first.at("/filtered_resps/0").asText());
    assertEquals(HarnessExport.sha256(firstGeneration.getString(0)), first.get("prompt_hash").asText());

    // Loglikelihood responses as sanitize_list leaves them: [[["<float>", "True|False"]], ...].
    Path musr = only(folder, "samples_leaderboard_musr_team_allocation_");
    JsonNode doc = lines(musr).get(0);
    Row choice = TestSpark.get().sql("SELECT p.loglikelihood, p.is_greedy FROM delta.`" + evaluated + "/predictions` p"
        + " WHERE p.subtask = 'team_allocation' AND p.doc_id = " + doc.get("doc_id").asInt()
        + " AND p.request_index = 0").first();
    assertEquals(choice.getDouble(0), Double.parseDouble(doc.at("/resps/0/0/0").asText()));
    assertEquals(choice.getBoolean(1) ? "True" : "False", doc.at("/resps/0/0/1").asText());
    assertEquals(doc.at("/resps/0/0"), doc.at("/filtered_resps/0"));

    // doc_hash as the harness computes it, by Python itself: sha256(json.dumps(doc, indent=2, ensure_ascii=False)).
    for (Path samples : List.of(ifeval, musr)) {
      Process p = new ProcessBuilder("python3", "-c", "import hashlib, json, sys\n"
          + "for line in open(sys.argv[1], encoding='utf-8'):\n"
          + "    s = json.loads(line)\n"
          + "    h = hashlib.sha256(json.dumps(s['doc'], indent=2, ensure_ascii=False).encode('utf-8')).hexdigest()\n"
          + "    print('ok' if h == s['doc_hash'] else 'differs: %s' % s['doc_id'])\n", samples.toString())
          .redirectErrorStream(true).start();
      assertTrue(p.waitFor(1, TimeUnit.MINUTES));
      String verdicts = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), verdicts);
      assertTrue(verdicts.lines().count() > 0 && verdicts.lines().allMatch("ok"::equals), samples + ":\n" + verdicts);
    }

    String imported = tmp.resolve("reimported").toString();
    Cli back = Cli.in(imported, "import-harness", results.toString());
    assertEquals(0, back.code, back.toString());
    assertTrue(back.out.contains("imported " + MODEL + ": 7 task scores"), back.out);
    assertEquals(board(evaluated), board(imported));
  }

  @Test
  void aModelWithoutScoresIsRefusedNamingTheModelsThatHaveThem() {
    Cli export = Cli.in(evaluated, "export-harness", "--model", "org/none@main#bfloat16", "--out",
        tmp.resolve("none").toString());
    assertEquals(1, export.code, export.toString());
    assertTrue(export.err.contains("model org/none@main#bfloat16 has no task scores in this warehouse; run podium score"
        + " --model 'org/none@main#bfloat16' first (models with scores: " + MODEL + ")"), export.err);
    assertTrue(!Files.exists(tmp.resolve("none")), "nothing written");
  }

  /** A fresh snapshot's scores: model, rank, per-benchmark normalized scores, average, what is missing. */
  private static List<String> board(String warehouse) {
    Cli snapshot = Cli.in(warehouse, "snapshot", "--replicates", "100");
    assertEquals(0, snapshot.code, snapshot.toString());
    return content("SELECT model_key, rank, round(ifeval, 9), round(bbh, 9), round(math_hard, 9), round(gpqa, 9),"
        + " round(musr, 9), round(mmlu_pro, 9), round(average, 9), missing FROM delta.`" + warehouse + "/leaderboard`"
        + " ORDER BY model_key");
  }

  private static Path only(Path folder, String prefix) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
      assertEquals(1, found.size(), folder + ": " + found);
      return found.get(0);
    }
  }

  private static List<JsonNode> lines(Path file) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
