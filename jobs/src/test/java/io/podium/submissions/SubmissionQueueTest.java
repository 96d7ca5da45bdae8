package io.podium.submissions;

import static io.podium.testing.Tables.content;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.models.Backends;
import io.podium.testing.Cli;
import io.podium.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The submission queue on a real Delta table: validation, duplicates, quota, atomic claims. */
class SubmissionQueueTest {

  @TempDir
  Path tmp;

  private static Cli submit(String warehouse, String model, String revision, String... more) {
    List<String> args = new ArrayList<>(List.of("--model", model, "--revision", revision, "--precision", "float32",
        "--backend", "builtin", "--uri", "tiny-gpt"));
    args.addAll(List.of(more));
    return Cli.in(warehouse, "submit", args.toArray(String[]::new));
  }

  @Test
  void requestsAreValidatedAndAModelKeyIsQueuedOnce() {
    String wh = tmp.resolve("wh").toString();
    Cli ok = submit(wh, "org/model-a", "0a1b2c3", "--submitter", "alice", "--check");
    assertEquals(0, ok.code, ok.toString());
    assertTrue(ok.out.contains("submitted org/model-a@0a1b2c3#float32"), ok.out);

    Cli again = submit(wh, "org/model-a", "0a1b2c3", "--submitter", "bob");
    assertEquals(1, again.code, again.toString());
    assertTrue(again.err.contains("org/model-a@0a1b2c3#float32 was already submitted on") && again.err.contains(
        "by alice (status PENDING)"), again.err);

    assertTrue(submit(wh, "no-org-name", "0a1b2c3").err.contains("is not a model id of the form org/name"));
    assertTrue(submit(wh, "org/model-b", "main").err.contains("--revision 'main' does not pin the model"));
    Cli precision = Cli.in(wh, "submit", "--model", "org/m", "--revision", "v1", "--precision", "fp7", "--backend",
        "onnx", "--uri", "/x");
    assertTrue(precision.err.contains("--precision 'fp7' is not one of"), precision.err);
    Cli backend = Cli.in(wh, "submit", "--model", "org/m", "--revision", "v1", "--precision", "float32",
        "--backend", "vllm", "--uri", "/x");
    assertTrue(backend.err.contains("--backend 'vllm' is not one of " + Backends.names()), backend.err);
    Cli secret = Cli.in(wh, "submit", "--model", "org/m", "--revision", "v1", "--precision", "float32",
        "--backend", "onnx", "--uri", "s3a://KEY:SECRET@bucket/m");
    assertTrue(secret.err.contains("must not carry credentials") && !secret.err.contains("SECRET"), secret.err);
    Cli missing = Cli.in(wh, "submit", "--model", "org/m", "--revision", "v1", "--precision", "float32",
        "--backend", "onnx", "--uri", tmp.resolve("nowhere").toString(), "--check");
    assertTrue(missing.err.contains("has no model.onnx"), missing.err);
    Cli required = Cli.in(wh, "submit", "--model", "org/m");
    assertEquals(2, required.code, required.toString());

    Cli list = Cli.in(wh, "submissions");
    assertTrue(list.out.contains("org/model-a@0a1b2c3#float32") && list.out.contains("PENDING"), list.out);
    assertTrue(list.out.contains("1 row"), list.out);
  }

  @Test
  void whatASubmitterSaysOfTheModelIsCheckedAndKept() {
    String wh = tmp.resolve("wh").toString();
    Cli ok = submit(wh, "org/model-c", "v1", "--type", "fine-tuned", "--params", "7.24", "--architecture",
        "LlamaForCausalLM", "--license", "llama3.1", "--base-model", "meta-llama/Llama-3.1-8B", "--merged", "--moe");
    assertEquals(0, ok.code, ok.toString());
    assertEquals(List.of("org/model-c@v1#float32,fine-tuned,7.24,LlamaForCausalLM,llama3.1,meta-llama/Llama-3.1-8B,"
        + "true,true"), content("SELECT model_key, model_type, params_billions, architecture, license, base_model,"
        + " merged, moe FROM delta.`" + wh + "/submissions`"));
    Cli plain = submit(wh, "org/model-d", "v1");
    assertEquals(0, plain.code, plain.toString());
    assertEquals(List.of("null,null,false,false"), content("SELECT model_type, base_model, merged, moe FROM delta.`"
        + wh + "/submissions` WHERE model_key = 'org/model-d@v1#float32'"));

    // Refused before anything is written, each with what to give instead (exit 2: the command line is wrong)
    String[][] refused = {
        {"--type", "robot", "--type 'robot' is not one of [pretrained, continuously-pretrained, fine-tuned, chat,"
            + " merge, multimodal]"},
        {"--params", "seven", "--params needs a number, got 'seven'"},
        {"--params", "7000000000", "--params 7.0E9 is not a parameter count in billions"},
        {"--params", "-1", "--params -1.0 is not a parameter count in billions"},
        {"--license", "MIT'; DROP TABLE submissions; --", "--license 'MIT'; DROP TABLE submissions; --' is not a"
            + " license id"},
        {"--base-model", "../../etc/passwd", "--base-model '../../etc/passwd' is not a model id of the form"
            + " org/name"},
        {"--architecture", "<script>", "--architecture '<script>' is not a model class name"}};
    for (String[] r : refused) {
      Cli bad = submit(wh, "org/model-e", "v1", r[0], r[1]);
      assertEquals(2, bad.code, bad.toString());
      assertTrue(bad.err.contains(r[2]), bad.err);
    }
    assertEquals(List.of("2"), content("SELECT count(*) FROM delta.`" + wh + "/submissions`"));
  }

  @Test
  void aSubmitterHasAQuotaPerWindow() throws Exception {
    String wh = tmp.resolve("wh").toString();
    int quota = SubmissionRules.shipped().quota().perSubmitter();
    for (int i = 0; i < quota; i++) {
      Cli ok = submit(wh, "org/model-" + i, "r" + i, "--submitter", "carol");
      assertEquals(0, ok.code, ok.toString());
    }
    Cli over = submit(wh, "org/model-x", "rx", "--submitter", "carol");
    assertEquals(1, over.code, over.toString());
    assertTrue(over.err.contains("submitter carol has made " + quota + " submissions in the last 7 days; the quota is "
        + quota), over.err);
    assertEquals(0, submit(wh, "org/model-x", "rx", "--submitter", "dave").code, "another submitter is not limited");
  }

  @Test
  void twoRunsClaimingAtOnceNeverGetTheSameSubmission() throws Exception {
    String wh = tmp.resolve("wh").toString();
    for (int i = 0; i < 4; i++) {
      assertEquals(0, submit(wh, "org/claimed-" + i, "c" + i).code);
    }
    SubmissionQueue queue = new SubmissionQueue(TestSpark.get(), SubmissionRules.shipped());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<String> first;
    List<String> second;
    try {
      Callable<List<String>> claim = () -> queue.claim(SubmissionQueue.newClaimId(), Integer.MAX_VALUE);
      Future<List<String>> a = pool.submit(claim);
      Future<List<String>> b = pool.submit(claim);
      first = a.get();
      second = b.get();
      Set<String> both = new HashSet<>(first);
      both.retainAll(second);
      assertEquals(Set.of(), both, first + " / " + second);
      assertEquals(4, first.size() + second.size(), first + " / " + second);
    } finally {
      pool.shutdown();
    }
    assertEquals(List.of("RUNNING,4"), content("SELECT status, count(*) FROM delta.`" + wh + "/submissions`"
        + " GROUP BY status"));
    long claims = io.podium.testing.Tables.count("SELECT count(DISTINCT claimed_by) FROM delta.`" + wh
        + "/submissions`");
    assertTrue(claims == (first.isEmpty() || second.isEmpty() ? 1 : 2), "one claim id per run: " + claims);
    assertEquals("[]", Cli.in(wh, "claim", "--json").out.trim(), "nothing left to claim");

    String holder0 = content("SELECT claimed_by FROM delta.`" + wh + "/submissions` WHERE model_key ="
        + " 'org/claimed-0@c0#float32'").get(0);
    String holder1 = content("SELECT claimed_by FROM delta.`" + wh + "/submissions` WHERE model_key ="
        + " 'org/claimed-1@c1#float32'").get(0);
    queue.finish("org/claimed-0@c0#float32", "not-the-claim");
    assertEquals(List.of("RUNNING"), content("SELECT status FROM delta.`" + wh + "/submissions` WHERE model_key ="
        + " 'org/claimed-0@c0#float32'"), "only the claim that holds a submission ends it");
    queue.finish("org/claimed-0@c0#float32", holder0);
    queue.fail("org/claimed-1@c1#float32", holder1, "model folder /x has no model.onnx");
    assertEquals(List.of("org/claimed-0@c0#float32,FINISHED,null", "org/claimed-1@c1#float32,FAILED,"
        + "model folder /x has no model.onnx"), content("SELECT model_key, status, reason FROM delta.`" + wh
        + "/submissions` WHERE status IN ('FINISHED', 'FAILED')"));
  }

  @Test
  void aClaimIsTheRunsOwnAndEvaluateRefusesWhatItDoesNotHold() throws Exception {
    String wh = tmp.resolve("wh").toString();
    assertEquals(0, submit(wh, "org/held-a", "h1").code);
    assertEquals(0, submit(wh, "org/held-b", "h2").code);
    String runId = "scheduled__2026-12-04T00:00:00+00:00";
    Path keys = tmp.resolve("claimed.json");

    Cli first = Cli.in(wh, "claim", "--claim-id", runId, "--limit", "1", "--keys-file", keys.toString());
    assertEquals(0, first.code, first.toString());
    assertTrue(first.out.contains("claimed 1 submission(s) under claim " + runId + ": org/held-a@h1#float32"),
        first.out);
    assertEquals("[\"org/held-a@h1#float32\"]", Files.readString(keys).trim());
    // A retried claim step of the same run gets back what it holds, then takes what is pending.
    Cli retried = Cli.in(wh, "claim", "--claim-id", runId, "--json");
    assertEquals("[\"org/held-a@h1#float32\",\"org/held-b@h2#float32\"]", retried.out.trim(), retried.toString());
    assertEquals("[]", Cli.in(wh, "claim", "--json").out.trim(), "another run finds nothing left");

    Cli stranger = Cli.in(wh, "evaluate", "--submission", "org/held-a@h1#float32", "--claim-id", "other-run");
    assertEquals(1, stranger.code, stranger.toString());
    assertTrue(stranger.err.contains("submission org/held-a@h1#float32 is RUNNING under another claim (" + runId
        + "), not RUNNING under claim other-run"), stranger.err);

    // An Airflow retry of a failed evaluation must not turn FAILED into FINISHED.
    new SubmissionQueue(TestSpark.get(), SubmissionRules.shipped()).fail("org/held-b@h2#float32", runId,
        "model folder /x has no model.onnx");
    Cli retry = Cli.in(wh, "evaluate", "--submission", "org/held-b@h2#float32", "--claim-id", runId);
    assertEquals(1, retry.code, retry.toString());
    assertTrue(retry.err.contains("submission org/held-b@h2#float32 is FAILED (model folder /x has no model.onnx),"
        + " not RUNNING under claim " + runId), retry.err);
    assertEquals(List.of("org/held-a@h1#float32,RUNNING,null", "org/held-b@h2#float32,FAILED,"
        + "model folder /x has no model.onnx"), content("SELECT model_key, status, reason FROM delta.`" + wh
        + "/submissions` ORDER BY model_key"), "a refused evaluation changes nothing");

    Cli unpaired = Cli.in(wh, "evaluate", "--submission", "org/held-a@h1#float32");
    assertEquals(2, unpaired.code, unpaired.toString());
    assertTrue(unpaired.err.contains("--submission and --claim-id go together"), unpaired.err);
    Cli badId = Cli.in(wh, "claim", "--claim-id", "../x");
    assertEquals(2, badId.code, badId.toString());
    assertTrue(badId.err.contains("claim id '../x' is not 1-200 letters"), badId.err);
  }
}
