package io.podium.tasks;

import io.podium.tasks.TaskDefinition.Subtask;
import io.podium.tasks.chat.ChatMessage;
import io.podium.tasks.chat.ChatTemplate;
import io.podium.tasks.chat.ChatTemplateException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a subtask's documents into model requests exactly as the leaderboard's harness, the
 * Hugging Face fork of lm-evaluation-harness at {@code adding_all_changess} (fca2dc43), does in
 * {@code ConfigurableTask.fewshot_context} and {@code construct_requests}
 * (lm_eval/api/task.py:1024-1133 and 1237-1262) with the sampler of lm_eval/api/samplers.py.
 *
 * <p>Plain prompts (no chat template):
 *
 * <pre>
 *   context = render(description)            (Jinja: one trailing newline dropped, task.py:1059)
 *           + for each few-shot example: text + target_delimiter + target + fewshot_delimiter
 *                                            (ContextSampler.get_context, samplers.py:30-62)
 *           + doc_to_text(doc)
 *   loglikelihood request per choice: (context, target_delimiter + choice)
 *   generate_until request:           (context, until, max_gen_toks)
 * </pre>
 *
 * <p>Through a chat template, as {@code --apply_chat_template --fewshot_as_multiturn}: the
 * description is a system turn (task.py:1062-1076), each few-shot example a user turn (its
 * text) and an assistant turn (its target, no delimiter; samplers.py:64-110), the document's
 * text the last user turn ({@code append_target_question}, task.py:1003-1021), and the
 * conversation goes through the template with the generation prompt. A template that raises is
 * applied again without the system turn, as {@code HFLM.apply_chat_template} does
 * (lm_eval/models/huggingface.py:1420-1437). Multiple-choice continuations lose their target
 * delimiter under a chat template (task.py:1244-1246): the choice follows the generation prompt.
 *
 * <p>Few-shot examples are the first {@code num_fewshot} of the few-shot source (the
 * {@code first_n} sampler), skipping one that equals the document itself. Pure and
 * serializable: it runs inside Spark tasks.
 */
public final class PromptRenderer implements Serializable {

  private static final long serialVersionUID = 1L;

  private final TaskDefinition definition;
  private final Subtask subtask;
  private final Template description;
  private final Template docToText;
  private final Template docToTarget;
  private final Template fewshotTarget;
  private final List<Map<String, Object>> fewshotDocs;

  /**
   * @param fewshotDocs the few-shot source in order (already processed); may hold more than
   *     {@code num_fewshot} documents, only the first ones are used. Null when the source is
   *     missing: targets and choices still work, contexts cannot be rendered.
   */
  public PromptRenderer(TaskDefinition definition, Subtask subtask, List<Map<String, Object>> fewshotDocs) {
    this.definition = definition;
    this.subtask = subtask;
    this.description = Template.parse(subtask.description());
    this.docToText = Template.parse(definition.docToText());
    this.docToTarget = definition.docToTarget() == null ? null : Template.parse(definition.docToTarget());
    this.fewshotTarget = definition.fewshotTarget() == null ? docToTarget : Template.parse(definition.fewshotTarget());
    int n = definition.numFewshot();
    if (n > 0 && fewshotDocs != null && fewshotDocs.size() < n) {
      throw new IllegalArgumentException(subtask.task() + " needs " + n + " few-shot examples, the few-shot source has "
          + fewshotDocs.size());
    }
    // first_n samples num_fewshot documents (one more only when few-shot and test split are the same).
    if (n == 0) {
      this.fewshotDocs = List.of();
    } else {
      this.fewshotDocs = fewshotDocs == null ? null : List.copyOf(fewshotDocs.subList(0, n));
    }
  }

  public Subtask subtask() {
    return subtask;
  }

  /** The few-shot examples the sampler takes (the first {@code num_fewshot}), or null when unknown. */
  public List<Map<String, Object>> fewshotDocs() {
    return fewshotDocs;
  }

  /** Whether prompts can be rendered (the few-shot examples are known). */
  public boolean canRender() {
    return fewshotDocs != null;
  }

  /** The plain prompt for a document: description, few-shot examples, the document's text. */
  public String context(Map<String, Object> doc) {
    StringBuilder context = new StringBuilder(description.render(doc));
    for (Map<String, Object> example : shots(doc)) {
      context.append(docToText.render(example)).append(definition.targetDelimiter())
          .append(fewshotTargetString(example)).append(definition.fewshotDelimiter());
    }
    return context.append(docToText.render(doc)).toString();
  }

  /**
   * The conversation the fork hands to the chat template for a document: the description as
   * system turn (when it renders non-empty), the few-shot examples as alternating user and
   * assistant turns, the document's text as the last user turn.
   */
  public List<ChatMessage> conversation(Map<String, Object> doc) {
    List<ChatMessage> chat = new ArrayList<>();
    String system = description.render(doc);
    if (!system.isEmpty()) {
      chat.add(new ChatMessage("system", system));
    }
    for (Map<String, Object> example : shots(doc)) {
      chat.add(new ChatMessage("user", docToText.render(example)));
      chat.add(new ChatMessage("assistant", fewshotTargetString(example)));
    }
    chat.add(new ChatMessage("user", docToText.render(doc)));
    return chat;
  }

  /**
   * The prompt for a document through a chat template, with the generation prompt. When the
   * template raises, it is applied once more without system turns (the fork's fallback); a
   * second error names the template and the task.
   */
  public String chatContext(Map<String, Object> doc, ChatTemplate template) {
    List<ChatMessage> chat = conversation(doc);
    try {
      return template.render(chat, true);
    } catch (ChatTemplateException first) {
      List<ChatMessage> withoutSystem = chat.stream().filter(m -> !m.role().equals("system")).toList();
      try {
        return template.render(withoutSystem, true);
      } catch (ChatTemplateException second) {
        throw second.in(subtask.task() + " (chat template sha1 " + template.sha1()
            + ", tried with and without the system turn)");
      }
    }
  }

  /** The few-shot examples for a document: first_n, without the document itself. */
  private List<Map<String, Object>> shots(Map<String, Object> doc) {
    if (fewshotDocs == null) {
      throw new IllegalStateException(subtask.task() + ": the few-shot source is missing, so prompts cannot be rendered");
    }
    return fewshotDocs.stream().filter(example -> !example.equals(doc)).toList();
  }

  /** The document's choices, for multiple-choice tasks. */
  public List<String> choices(Map<String, Object> doc) {
    if (subtask.choices() != null) {
      return subtask.choices();
    }
    TaskDefinition.ChoiceSpec spec = definition.docToChoice();
    String field = spec.field() != null ? spec.field() : spec.letters();
    Object value = doc.get(field);
    if (!(value instanceof List<?> list)) {
      throw new InvalidDocException("choices field '" + field + "' is not a list");
    }
    List<String> choices = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      choices.add(spec.letters() != null ? String.valueOf((char) ('A' + i)) : (String) list.get(i));
    }
    return choices;
  }

  /** The rendered gold target, or null when the task has none (IFEval). */
  public String target(Map<String, Object> doc) {
    return docToTarget == null ? null : docToTarget.render(doc);
  }

  /**
   * The index of the gold choice, or null when the target names no choice. As in the harness,
   * a target that renders to digits is a choice index, any other target is looked up among the
   * choices; the harness keeps a document whose target is not a choice (its gold becomes -100)
   * and such a document always scores 0, so it is kept here too, with no gold index.
   */
  public Integer goldIndex(Map<String, Object> doc) {
    List<String> choices = choices(doc);
    String target = target(doc);
    if (target == null) {
      throw new InvalidDocException("task " + subtask.task() + " has no doc_to_target");
    }
    int index = isDigits(target) ? Integer.parseInt(target) : choices.indexOf(target);
    return index < 0 || index >= choices.size() ? null : index;
  }

  /** All plain requests for a document, in request-index order. */
  public List<RenderedRequest> requests(Map<String, Object> doc) {
    return requests(doc, null);
  }

  /**
   * All requests for a document, in request-index order: plain when {@code template} is null,
   * else through the chat template (and then a choice's continuation has no target delimiter).
   */
  public List<RenderedRequest> requests(Map<String, Object> doc, ChatTemplate template) {
    String context = template == null ? context(doc) : chatContext(doc, template);
    if (definition.outputType() == OutputType.GENERATE_UNTIL) {
      TaskDefinition.GenerationArgs gen = definition.generation();
      return List.of(new RenderedRequest(0, "generate_until", context, null, gen.until(), gen.maxGenToks()));
    }
    String delimiter = template == null ? definition.targetDelimiter() : "";
    List<String> choices = choices(doc);
    List<RenderedRequest> requests = new ArrayList<>(choices.size());
    for (int i = 0; i < choices.size(); i++) {
      requests.add(new RenderedRequest(i, "loglikelihood", context, delimiter + choices.get(i), List.of(), null));
    }
    return requests;
  }

  private String fewshotTargetString(Map<String, Object> example) {
    if (fewshotTarget == null) {
      return "";
    }
    String target = fewshotTarget.render(example);
    if (definition.outputType() == OutputType.MULTIPLE_CHOICE && isDigits(target)) {
      // doc_to_target evaluated to an int: the harness prints doc_to_choice(doc)[target].
      List<String> choices = choices(example);
      int index = Integer.parseInt(target);
      if (index >= choices.size()) {
        throw new InvalidDocException("few-shot target " + target + " is out of range of " + choices.size() + " choices");
      }
      return choices.get(index);
    }
    return target;
  }

  /** Python's {@code str.isdigit()} for the ASCII and Unicode digits benchmark targets use. */
  static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
