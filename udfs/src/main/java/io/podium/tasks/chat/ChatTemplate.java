package io.podium.tasks.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Hugging Face chat template, rendered on the JVM (Jinjava) as transformers'
 * {@code tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=...)}
 * renders it with Python jinja2.
 *
 * <p>Mirrors transformers v4.45.2:
 *
 * <ul>
 *   <li>{@code src/transformers/tokenization_utils_base.py}, {@code PreTrainedTokenizerBase.__init__}:
 *       a list-valued {@code chat_template} becomes {@code {t["name"]: t["template"]}}, and
 *       {@code get_chat_template} picks the one named {@code default} when no name is given (and no
 *       tools are passed).
 *   <li>{@code apply_chat_template}: renders with {@code messages}, {@code tools=None},
 *       {@code documents=None}, {@code add_generation_prompt} and
 *       {@code **self.special_tokens_map} (every set special token as its string).
 *   <li>{@code src/transformers/utils/chat_template_utils.py}, {@code _compile_jinja_template}:
 *       {@code ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
 *       extensions=[AssistantTracker, jinja2.ext.loopcontrols])}, filter {@code tojson}
 *       ({@link PyFilters}), globals {@code raise_exception} and {@code strftime_now}
 *       ({@link TemplateGlobals}).
 * </ul>
 *
 * <p>Where Jinjava reads a template differently from jinja2, {@link TemplateSource} and
 * {@link PyFilters} bridge it; message contents are data and are never re-interpreted
 * (nested interpretation off).
 */
public final class ChatTemplate implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** transformers' {@code SPECIAL_TOKENS_ATTRIBUTES}, less {@code additional_special_tokens}. */
  private static final List<String> SPECIAL_TOKENS =
      List.of("bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token");

  private final String template;
  private final String source;
  private final Map<String, String> specialTokens;
  private final String sha1;
  private transient volatile Jinjava jinjava;
  private transient volatile String prepared;

  private ChatTemplate(String template, String source, Map<String, String> specialTokens) {
    this.template = template;
    this.source = source;
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String name : SPECIAL_TOKENS) {
      if (specialTokens.containsKey(name)) ordered.put(name, specialTokens.get(name));
    }
    this.specialTokens = java.util.Collections.unmodifiableMap(ordered);
    this.sha1 = sha1Hex(toTokenizerConfig());
  }

  /**
   * The template and its special tokens as a minimal {@code tokenizer_config.json}
   * ({@code chat_template} first, then the tokens in transformers' order): what Podium stores
   * in {@code chat_templates} and reads back with {@link #fromTokenizerConfig}.
   */
  public String toTokenizerConfig() {
    com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
    root.put("chat_template", template);
    specialTokens.forEach(root::put);
    try {
      return JSON.writeValueAsString(root);
    } catch (Exception e) {
      throw new IllegalStateException("cannot write a tokenizer config: " + e.getMessage(), e);
    }
  }

  /** A template with the given special tokens (name → string, e.g. {@code bos_token}). */
  public static ChatTemplate of(String template, String source, Map<String, String> specialTokens) {
    return new ChatTemplate(template, source, new LinkedHashMap<>(specialTokens));
  }

  /** Reads {@code chat_template} and the special tokens from a {@code tokenizer_config.json} text. */
  public static ChatTemplate fromTokenizerConfig(String json, String sourceName) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (Exception e) {
      throw ChatTemplateException.failed(sourceName, "not a JSON tokenizer config", e);
    }
    JsonNode t = root == null ? null : root.get("chat_template");
    String template = null;
    if (t != null && t.isTextual()) {
      template = t.asText();
    } else if (t != null && t.isArray()) {
      for (JsonNode named : t) {
        if ("default".equals(named.path("name").asText(null))) template = named.path("template").asText(null);
      }
      if (template == null) {
        throw ChatTemplateException.failed(sourceName, "chat_template is a list without a template named 'default'", null);
      }
    }
    if (template == null) {
      throw ChatTemplateException.failed(sourceName, "tokenizer config has no chat_template", null);
    }
    Map<String, String> tokens = new LinkedHashMap<>();
    for (String name : SPECIAL_TOKENS) {
      JsonNode v = root.get(name);
      if (v == null || v.isNull()) continue;
      if (v.isTextual()) tokens.put(name, v.asText());
      else if (v.isObject() && v.path("content").isTextual()) tokens.put(name, v.get("content").asText());
    }
    return new ChatTemplate(template, sourceName, tokens);
  }

  public String source() {
    return source;
  }

  /** The template text as read. */
  public String template() {
    return template;
  }

  /**
   * Hex sha1 of {@link #toTokenizerConfig()}: of the template text and the special tokens it
   * reads, everything a render depends on. It identifies the requests rendered through it.
   */
  public String sha1() {
    return sha1;
  }

  public Optional<String> bosToken() {
    return Optional.ofNullable(specialTokens.get("bos_token"));
  }

  public Optional<String> eosToken() {
    return Optional.ofNullable(specialTokens.get("eos_token"));
  }

  /** The rendered conversation; throws {@link ChatTemplateException} on any template error. */
  public String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
    List<Map<String, Object>> msgs = new ArrayList<>(messages.size());
    for (ChatMessage m : messages) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("role", m.role());
      d.put("content", m.content());
      msgs.add(d);
    }
    Map<String, Object> vars = new LinkedHashMap<>(specialTokens);
    vars.put("messages", msgs);
    vars.put("add_generation_prompt", addGenerationPrompt);
    // tools=None, documents=None: an absent binding reads the same way (is none / falsy).
    RenderResult result;
    try {
      result = engine().renderForResult(prepared(), vars);
    } catch (TemplateGlobals.Raised r) {
      throw ChatTemplateException.raised(source, r.getMessage());
    } catch (RuntimeException e) {
      Throwable raised = raisedCause(e);
      if (raised != null) throw ChatTemplateException.raised(source, raised.getMessage());
      throw ChatTemplateException.failed(source, String.valueOf(e.getMessage()), e);
    }
    for (TemplateError err : result.getErrors()) {
      Throwable raised = raisedCause(err.getException());
      if (raised != null) throw ChatTemplateException.raised(source, raised.getMessage());
    }
    for (TemplateError err : result.getErrors()) {
      if (err.getSeverity() == TemplateError.ErrorType.FATAL) {
        throw ChatTemplateException.failed(source, err.getMessage() + " (line " + err.getLineno() + ")",
            err.getException());
      }
    }
    return result.getOutput();
  }

  private static Throwable raisedCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof TemplateGlobals.Raised) return c;
      if (c.getCause() == c) break;
    }
    return null;
  }

  private String prepared() {
    String p = prepared;
    if (p == null) prepared = p = TemplateSource.prepare(template);
    return p;
  }

  private Jinjava engine() {
    Jinjava j = jinjava;
    if (j == null) jinjava = j = newEngine();
    return j;
  }

  /** The Jinjava counterpart of transformers' {@code ImmutableSandboxedEnvironment}. */
  static Jinjava newEngine() {
    JinjavaConfig config = JinjavaConfig.newBuilder()
        .withTrimBlocks(true)
        .withLstripBlocks(true)
        .withNestedInterpretationEnabled(false)
        .withFailOnUnknownTokens(false)
        .withLegacyOverrides(LegacyOverrides.newBuilder()
            .withUseNaturalOperatorPrecedence(true)
            .withParseWhitespaceControlStrictly(true)
            .withUseTrimmingForNotesAndExpressions(true)
            .withEvaluateMapKeys(true)
            .withIterateOverMapKeys(true)
            .withKeepNullableLoopValues(true)
            .build())
        .build();
    Jinjava j = new Jinjava(config);
    j.getGlobalContext().registerFunction(new ELFunctionDefinition("", "raise_exception",
        TemplateGlobals.class, "raiseException", Object.class));
    j.getGlobalContext().registerFunction(new ELFunctionDefinition("", "strftime_now",
        TemplateGlobals.class, "strftimeNow", String.class));
    PyFilters.all().forEach(f -> j.getGlobalContext().registerFilter(f));
    return j;
  }

  private static String sha1Hex(String s) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
