package io.podium.ingest;

import io.podium.ingest.SourceLayout.Explode;
import io.podium.ingest.SourceLayout.SplitSource;
import io.podium.python.PyStr;
import io.podium.tables.Json;
import io.podium.tasks.DocProcessor;
import io.podium.tasks.DocProcessors;
import io.podium.tasks.FieldType;
import io.podium.tasks.InvalidDocException;
import io.podium.tasks.OutputType;
import io.podium.tasks.PromptRenderer;
import io.podium.tasks.TaskDefinition;
import io.podium.tasks.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one benchmark's source records into documents: expands nested records, applies the
 * layout's filter, tells subtasks apart, checks every field the task definition declares,
 * runs the task's {@code process_docs}, and renders the gold target and (once, as a check)
 * the prompt. A record that fails any step becomes a {@link Reject} with its reason; none is
 * dropped without being counted.
 */
final class DocumentBuilder {

  private final TaskDefinition definition;
  private final BenchmarkCounts counts;
  private final List<Reject> rejects = new ArrayList<>();
  /**
   * The dataset's own ids seen so far per subtask (its key_field), and where: a second record
   * with one in the same subtask is rejected (GPQA's subsets share ids across subtasks, rightly).
   */
  private final Map<String, String> keys = new HashMap<>();

  DocumentBuilder(TaskDefinition definition, BenchmarkCounts counts) {
    this.definition = definition;
    this.counts = counts;
  }

  List<Reject> rejects() {
    return rejects;
  }

  /** A word on the source for the summary (an empty file, ...). */
  void note(String note) {
    counts.notes.add(note);
  }

  /**
   * Groups a file's records by subtask, in file order. {@code fileSubtask} is the subtask the
   * file belongs to, or null when the layout's {@code subtask_field} tells.
   */
  void group(List<SourceRecord> records, SplitSource split, String fileSubtask, boolean countInput,
      Map<String, List<SourceRecord>> bySubtask) {
    for (SourceRecord record : expand(records, split.explode())) {
      if (countInput) {
        counts.input++;
      }
      if (record.error() != null) {
        reject(fileSubtask, record, record.error(), countInput);
        continue;
      }
      if (!matchesFilter(record.fields(), split.filter())) {
        if (countInput) {
          counts.filtered++;
        }
        continue;
      }
      String subtask = fileSubtask;
      if (subtask == null) {
        subtask = subtaskOf(record, split);
        if (subtask == null) {
          reject(null, record, unknownSubtaskReason(record, split), countInput);
          continue;
        }
      }
      bySubtask.computeIfAbsent(subtask, k -> new ArrayList<>()).add(record);
    }
  }

  /** Few-shot documents of a subtask, checked and processed like test documents. */
  List<Map<String, Object>> fewshotDocs(String subtask, List<SourceRecord> records) {
    List<Map<String, Object>> docs = new ArrayList<>();
    DocProcessor processor = DocProcessors.create(definition.processDocs());
    for (SourceRecord record : records) {
      counts.fewshotRead++;
      try {
        if (record.error() != null) {
          throw new InvalidDocException(record.error());
        }
        docs.add(processor.process(declaredFields(record.fields())));
      } catch (InvalidDocException e) {
        counts.fewshotRejected++;
        reject(subtask, record, "few-shot record: " + e.getMessage(), false);
      }
    }
    return docs;
  }

  /** The accepted documents of one subtask; doc_id is the record's position in the subtask. */
  List<IngestedDoc> build(String subtask, List<SourceRecord> records, PromptRenderer renderer, SplitSource split) {
    TaskDefinition.Subtask sub = definition.subtask(subtask);
    DocProcessor processor = DocProcessors.create(definition.processDocs());
    List<IngestedDoc> docs = new ArrayList<>(records.size());
    for (int position = 0; position < records.size(); position++) {
      SourceRecord record = records.get(position);
      try {
        Map<String, Object> doc = processor.process(declaredFields(record.fields()));
        String target = renderer.target(doc);
        Integer gold = null;
        List<String> choices = null;
        if (definition.outputType() == OutputType.MULTIPLE_CHOICE) {
          choices = renderer.choices(doc);
          gold = renderer.goldIndex(doc);
          if (gold == null) {
            counts.notes.add(record.file() + ":" + record.line() + ": target " + PyStr.repr(target)
                + " is not one of the choices; kept, as the harness keeps it (it always scores 0)");
          }
        }
        if (renderer.canRender()) {
          renderer.context(doc); // fails here, on the driver, rather than later in a Spark task
        }
        Object key = split.keyField() == null ? null : record.fields().get(split.keyField());
        if (key != null) {
          String first = keys.putIfAbsent(subtask + "\u0000" + key, record.file() + ":" + record.line());
          if (first != null) {
            throw new InvalidDocException("duplicate " + split.keyField() + " " + key + ": the same as the record at "
                + first + " (the first is kept)");
          }
        }
        docs.add(new IngestedDoc(definition.benchmark(), subtask, sub.task(), position,
            key == null ? null : String.valueOf(key), doc, record.fields(), target, gold, choices,
            record.file(), record.line()));
        counts.accepted++;
      } catch (InvalidDocException | Template.TemplateException e) {
        reject(subtask, record, e.getMessage(), true);
      }
    }
    return docs;
  }

  private Map<String, Object> declaredFields(Map<String, Object> raw) {
    Map<String, Object> doc = new LinkedHashMap<>();
    for (Map.Entry<String, FieldType> field : definition.fields().entrySet()) {
      doc.put(field.getKey(), field.getValue().coerce(field.getKey(), raw.get(field.getKey())));
    }
    return doc;
  }

  private void reject(String subtask, SourceRecord record, String reason, boolean counted) {
    rejects.add(Reject.of(definition.benchmark(), subtask, record, reason));
    if (counted) {
      counts.rejected++;
    }
  }

  private static List<SourceRecord> expand(List<SourceRecord> records, Explode explode) {
    if (explode == null) {
      return records;
    }
    // Expanded records are numbered by their position in the file's expanded sequence, so that
    // (file, line) stays a unique key; the record text names the enclosing record.
    List<SourceRecord> out = new ArrayList<>();
    long number = 0;
    for (SourceRecord record : records) {
      if (record.error() != null) {
        out.add(new SourceRecord(record.file(), ++number, null, record.text(), record.error()));
        continue;
      }
      Object list = record.fields().get(explode.list());
      if (!(list instanceof List<?> items)) {
        out.add(SourceRecord.malformed(record.file(), ++number, record.text(),
            "record " + record.line() + ": field '" + explode.list() + "' is missing or not a list"));
        continue;
      }
      for (int i = 0; i < items.size(); i++) {
        if (!(items.get(i) instanceof Map<?, ?> item)) {
          out.add(SourceRecord.malformed(record.file(), ++number, record.text(),
              "record " + record.line() + ": " + explode.list() + "[" + i + "] is not an object"));
          continue;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        explode.parent().forEach((from, to) -> fields.put(to, record.fields().get(from)));
        item.forEach((k, v) -> fields.put(explode.rename().getOrDefault((String) k, (String) k), v));
        out.add(SourceRecord.parsed(record.file(), ++number, fields,
            SourceReader.cut("record " + record.line() + ", " + explode.list() + "[" + i + "]: " + Json.write(item))));
      }
    }
    return out;
  }

  private static boolean matchesFilter(Map<String, Object> fields, Map<String, Object> filter) {
    for (Map.Entry<String, Object> f : filter.entrySet()) {
      if (!String.valueOf(f.getValue()).equals(String.valueOf(fields.get(f.getKey())))) {
        return false;
      }
    }
    return true;
  }

  private String subtaskOf(SourceRecord record, SplitSource split) {
    if (split.subtaskField() == null) {
      return definition.subtasks().size() == 1 ? definition.subtasks().get(0).name() : null;
    }
    Object value = record.fields().get(split.subtaskField());
    String name = split.subtaskValues().getOrDefault(String.valueOf(value), String.valueOf(value));
    return definition.subtask(name) == null ? null : name;
  }

  private String unknownSubtaskReason(SourceRecord record, SplitSource split) {
    if (split.subtaskField() == null) {
      return "cannot tell the subtask: the layout gives no subtask_field and " + definition.benchmark()
          + " has " + definition.subtasks().size() + " subtasks";
    }
    return "unknown subtask: " + split.subtaskField() + " = " + record.fields().get(split.subtaskField())
        + " (known: " + String.join(", ", split.subtaskValues().keySet()) + ")";
  }
}

