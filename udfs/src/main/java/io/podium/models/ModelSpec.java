package io.podium.models;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which model to run and how: from {@code builtin:NAME}, an ONNX export folder
 * ({@code onnx:URI}, or just the folder, local or s3a://), or a {@code conf/models/*.yaml} file.
 *
 * @param modelId e.g. {@code org/name}
 * @param revision the pinned revision
 * @param precision e.g. {@code float32}, {@code bfloat16}
 * @param backend a registered {@link Backend}: {@code builtin}, {@code onnx} or {@code openai} (an
 *     OpenAI-compatible completions API)
 * @param uri the model folder, the built-in model's name, or the API's base URL (e.g.
 *     {@code http://host:8000/v1}; the model name sent is {@code modelId})
 * @param batchSize requests per forward pass (for {@code openai}: prompts per request)
 * @param prefixSharing whether choices of a document share the context's pass
 * @param chatTemplate whether prompts go through the model's chat template, as the leaderboard
 *     ran chat models ({@code --apply_chat_template --fewshot_as_multiturn}); default false
 * @param chatTemplateFile the {@code tokenizer_config.json} holding the template, when it is not
 *     the one in the ONNX export folder (e.g. for an {@code openai} endpoint); local or s3a://
 * @param allowCpu whether a task that Spark gave a GPU may run the model on its CPU when the GPU
 *     cannot be used (no CUDA execution provider: the CPU build of ONNX Runtime); default false,
 *     so that a GPU cluster never runs 50 times slower without anyone seeing it
 * @param options the backend's engine options ({@code options:} in a model file; see
 *     {@link Backend#defaultOptions()}); unknown names are refused
 */
public record ModelSpec(String modelId, String revision, String precision, String backend, String uri,
    Integer batchSize, Boolean prefixSharing, Boolean chatTemplate, String chatTemplateFile, Boolean allowCpu,
    Map<String, String> options)
    implements Serializable {

  /** Requests per forward pass (prompts per API request) unless the model file says. */
  public static final int DEFAULT_BATCH_SIZE = 16;

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public ModelSpec(String modelId, String revision, String precision, String backend, String uri,
      Integer batchSize, Boolean prefixSharing, Boolean chatTemplate, String chatTemplateFile, Boolean allowCpu,
      Map<String, String> options) {
    if (modelId == null || modelId.isBlank()) {
      throw new IllegalArgumentException("a model needs a model_id");
    }
    revision = revision == null ? "main" : revision;
    precision = precision == null ? "float32" : precision;
    Backend engine;
    try {
      engine = Backends.get(backend);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("model " + modelId + ": " + e.getMessage());
    }
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("model " + modelId + ": uri is required");
    }
    options = options == null ? Map.of() : new TreeMap<>(options);
    for (String name : options.keySet()) {
      if (!engine.defaultOptions().containsKey(name)) {
        throw new IllegalArgumentException("model " + modelId + ": the " + backend + " backend has no option '" + name
            + "' (options: " + String.join(", ", new TreeMap<>(engine.defaultOptions()).keySet()) + ")");
      }
    }
    batchSize = batchSize == null ? DEFAULT_BATCH_SIZE : batchSize;
    prefixSharing = prefixSharing == null ? Boolean.TRUE : prefixSharing;
    chatTemplate = chatTemplate == null ? Boolean.FALSE : chatTemplate;
    allowCpu = allowCpu == null ? Boolean.FALSE : allowCpu;
    if (chatTemplateFile != null && !chatTemplate) {
      throw new IllegalArgumentException("model " + modelId + ": chat_template_file is set but chat_template is"
          + " not true; add chat_template: true to use it");
    }
    this.modelId = modelId;
    this.revision = revision;
    this.precision = precision;
    this.backend = backend;
    this.uri = uri;
    this.batchSize = batchSize;
    this.prefixSharing = prefixSharing;
    this.chatTemplate = chatTemplate;
    this.chatTemplateFile = chatTemplateFile;
    this.allowCpu = allowCpu;
    this.options = options;
    engine.validate(this);
  }

  /** A model without a chat template. */
  public ModelSpec(String modelId, String revision, String precision, String backend, String uri,
      Integer batchSize, Boolean prefixSharing) {
    this(modelId, revision, precision, backend, uri, batchSize, prefixSharing, null, null, null, null);
  }

  /** A model that must run on the GPU Spark gives its task, if any. */
  public ModelSpec(String modelId, String revision, String precision, String backend, String uri,
      Integer batchSize, Boolean prefixSharing, Boolean chatTemplate, String chatTemplateFile) {
    this(modelId, revision, precision, backend, uri, batchSize, prefixSharing, chatTemplate, chatTemplateFile, null,
        null);
  }

  /** The same model with prompts through its chat template ({@code chatTemplate}) or not. */
  public ModelSpec withChatTemplate(boolean use) {
    return new ModelSpec(modelId, revision, precision, backend, uri, batchSize, prefixSharing, use,
        use ? chatTemplateFile : null, allowCpu, options);
  }

  /**
   * The same model, allowed ({@code allow}) or not to run on the CPU of a task that was given a
   * GPU when the GPU cannot be used. Not part of {@link #configHash()}: where a model ran is
   * recorded per prediction ({@code device}, {@code execution_provider}), not a configuration.
   */
  public ModelSpec withAllowCpu(boolean allow) {
    return new ModelSpec(modelId, revision, precision, backend, uri, batchSize, prefixSharing, chatTemplate,
        chatTemplateFile, allow, options);
  }

  /**
   * Whether the model computes inside the Spark task on an accelerator when it has one (ONNX
   * Runtime: exports and the built-in GPT models); such inference tasks ask Spark for a GPU each.
   * An {@code openai} endpoint computes on the server, the trigram model in plain Java.
   */
  public boolean runsOnGpu() {
    return engine().runsOnGpu(this);
  }

  /** The registered backend this spec names. */
  public Backend engine() {
    return Backends.get(backend);
  }

  /** An engine option's value: the one given, else {@code fallback}. */
  public String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  /** Parses a command-line model spec. */
  public static ModelSpec parse(String spec) throws IOException {
    if (spec.startsWith("builtin:")) {
      String name = spec.substring("builtin:".length());
      return new ModelSpec("podium/" + name, "v1", "float32", "builtin", name, null, null);
    }
    if (spec.endsWith(".yaml") || spec.endsWith(".yml")) {
      Path file = Path.of(spec);
      if (!Files.exists(file)) {
        throw new IOException("model file " + spec + " does not exist");
      }
      try {
        return YAML.readValue(file.toFile(), ModelSpec.class);
      } catch (IOException | IllegalArgumentException e) {
        throw new IOException("invalid model file " + spec + ": " + e.getMessage(), e);
      }
    }
    String uri = spec.startsWith("onnx:") ? spec.substring("onnx:".length()) : spec;
    String trimmed = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    String id = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    return new ModelSpec(id, "local", "float32", "onnx", uri, null, null);
  }

  /** The leaderboard's identity of a model: id, revision and precision. */
  public String modelKey() {
    return modelId + "@" + revision + "#" + precision;
  }

  /**
   * Hash of everything that decides the results: a prediction made under another configuration
   * hash is not reused. It covers the model key, backend, URI and every engine option whose value
   * is not its default (so that options at their defaults hash as before options existed).
   * Batching ({@code batch_size}, {@code prefix_sharing}) is not covered: the batch-invariance
   * tests hold the results identical under any batching. Nor is {@code allow_cpu}, where a
   * model may run, which each prediction records ({@code execution_provider}).
   */
  public String configHash() {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {modelKey(), backend, uri}) {
        d.update(part.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
      }
      Map<String, String> defaults = engine().defaultOptions();
      Set<String> connection = engine().connectionOptions();
      for (Map.Entry<String, String> option : new TreeMap<>(options).entrySet()) {
        if (!option.getValue().equals(defaults.get(option.getKey())) && !connection.contains(option.getKey())) {
          d.update((option.getKey() + "=" + option.getValue()).getBytes(StandardCharsets.UTF_8));
          d.update((byte) 0);
        }
      }
      return HexFormat.of().formatHex(d.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The spec as a one-line string for logs and messages; credentials in the URI are masked. */
  public String describe() {
    // user:password@ in a URI never reaches a log or a message
    return modelKey() + " (" + backend + ":" + uri.replaceAll("(?<=://)[^/@]*@", "***@")
        + (chatTemplate ? ", chat template" : "") + (options.isEmpty() ? "" : ", " + options) + ")";
  }
}
