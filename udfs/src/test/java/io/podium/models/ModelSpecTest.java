package io.podium.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSpecTest {

  @TempDir
  Path tmp;

  @Test
  void specsFromTheCommandLine() throws Exception {
    ModelSpec builtin = ModelSpec.parse("builtin:tiny-gpt");
    assertEquals("podium/tiny-gpt@v1#float32", builtin.modelKey());
    assertEquals("builtin", builtin.backend());
    ModelSpec folder = ModelSpec.parse("s3a://bucket/models/qwen-onnx/");
    assertEquals("qwen-onnx@local#float32", folder.modelKey());
    assertEquals("onnx", folder.backend());
    assertEquals("s3a://bucket/models/qwen-onnx/", ModelSpec.parse("onnx:s3a://bucket/models/qwen-onnx/").uri());
  }

  @Test
  void modelFilesAndTheirErrors() throws Exception {
    Path file = tmp.resolve("m.yaml");
    Files.writeString(file, "model_id: org/name\nrevision: abc123\nprecision: bfloat16\nbackend: onnx\n"
        + "uri: /models/name\nbatch_size: 4\n");
    ModelSpec spec = ModelSpec.parse(file.toString());
    assertEquals("org/name@abc123#bfloat16", spec.modelKey());
    assertEquals(4, spec.batchSize());
    assertTrue(spec.prefixSharing());

    Files.writeString(file, "model_id: org/name\nbackend: onnx\nuri: /models/name\nbatchsize: 4\n");
    IOException typo = assertThrows(IOException.class, () -> ModelSpec.parse(file.toString()));
    assertTrue(typo.getMessage().contains("m.yaml") && typo.getMessage().contains("batchsize"), typo.getMessage());
    Files.writeString(file, "model_id: org/name\nbackend: vllm\nuri: http://x\n");
    IOException backend = assertThrows(IOException.class, () -> ModelSpec.parse(file.toString()));
    assertTrue(backend.getMessage().contains("backend must be builtin, onnx or openai"), backend.getMessage());
    Files.writeString(file, "model_id: org/name\nbackend: openai\nuri: http://host:8000/v1\n");
    ModelSpec served = ModelSpec.parse(file.toString());
    assertEquals("openai", served.backend());
    assertEquals("http://host:8000/v1", served.uri());
  }

  @Test
  void theConfigurationHashIgnoresBatchingButNotTheModel() {
    ModelSpec a = new ModelSpec("org/m", "r1", "float32", "onnx", "/m", 4, true);
    ModelSpec b = new ModelSpec("org/m", "r1", "float32", "onnx", "/m", 32, false);
    ModelSpec c = new ModelSpec("org/m", "r2", "float32", "onnx", "/m", 4, true);
    assertEquals(a.configHash(), b.configHash());
    assertNotEquals(a.configHash(), c.configHash());
  }

  @Test
  void everyEngineOptionAwayFromItsDefaultChangesTheConfigurationHash() throws Exception {
    Path file = tmp.resolve("options.yaml");
    String base = "model_id: org/m\nrevision: r1\nbackend: onnx\nuri: /m\n";
    Files.writeString(file, base);
    ModelSpec plain = ModelSpec.parse(file.toString());
    Files.writeString(file, base + "options:\n  max_batch_tokens: 4096\n");
    ModelSpec atDefault = ModelSpec.parse(file.toString());
    Files.writeString(file, base + "options:\n  max_batch_tokens: 1024\n");
    ModelSpec changed = ModelSpec.parse(file.toString());
    assertEquals(plain.configHash(), atDefault.configHash(), "an option at its default is the model as before");
    assertNotEquals(plain.configHash(), changed.configHash(), "a changed engine option reused old predictions");
    assertEquals("1024", changed.option("max_batch_tokens", null));

    Files.writeString(file, base + "options:\n  max_batch_token: 1024\n");
    IOException unknown = assertThrows(IOException.class, () -> ModelSpec.parse(file.toString()));
    assertTrue(unknown.getMessage().contains("no option 'max_batch_token'")
        && unknown.getMessage().contains("max_batch_tokens"), unknown.getMessage());
    Files.writeString(file, base + "options:\n  max_batch_tokens: lots\n");
    IOException invalid = assertThrows(IOException.class, () -> ModelSpec.parse(file.toString()));
    assertTrue(invalid.getMessage().contains("max_batch_tokens must be a positive integer"), invalid.getMessage());

    String served = "model_id: org/m\nrevision: r1\nbackend: openai\nuri: http://host:8000/v1\n";
    Files.writeString(file, served);
    ModelSpec endpoint = ModelSpec.parse(file.toString());
    // How to reach a model is no setting of what it computes: a rerun with a longer timeout or a
    // larger retry budget resumes what was done.
    Files.writeString(file, served + "options:\n  timeout_seconds: 30\n  max_retries: 9\n  retry_budget_seconds: 60\n");
    ModelSpec patient = ModelSpec.parse(file.toString());
    assertEquals("30", patient.option("timeout_seconds", null));
    assertEquals(endpoint.configHash(), patient.configHash());
  }

  @Test
  void eachBackendIsRegisteredOnce() throws Exception {
    assertEquals(java.util.List.of("builtin", "onnx", "openai"), Backends.names());
    for (String name : Backends.names()) {
      assertEquals(name, Backends.get(name).name());
    }
    assertTrue(ModelSpec.parse("builtin:tiny-gpt").runsOnGpu());
    assertTrue(!ModelSpec.parse("builtin:sphinx-trigram").runsOnGpu());
  }

  @Test
  void describeMasksCredentialsInTheUri() {
    ModelSpec s = new ModelSpec("org/m", "r1", "float32", "openai", "https://user:s3cret@host:8000/v1", null, null);
    assertEquals("org/m@r1#float32 (openai:https://***@host:8000/v1)", s.describe());
  }
}
