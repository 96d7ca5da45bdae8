package io.podium.requests;

import io.podium.models.ModelSpec;
import io.podium.tasks.chat.ChatTemplate;
import io.podium.tasks.chat.ChatTemplateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where a model's chat template comes from, read on the driver before any Spark work: the
 * {@code tokenizer_config.json} named by the model file's {@code chat_template_file}, else the
 * one in the model's ONNX export folder. A model that asks for its template and has none is
 * refused here, with the fix.
 */
public final class ModelTemplates {

  /** The file name transformers reads a chat template from. */
  public static final String TOKENIZER_CONFIG = "tokenizer_config.json";

  private ModelTemplates() {}

  /** The model's chat template, or null when the model does not use one ({@code chat_template: false}). */
  public static ChatTemplate forModel(ModelSpec spec, Configuration hadoop) throws IOException {
    if (!spec.chatTemplate()) {
      return null;
    }
    String file = spec.chatTemplateFile();
    if (file == null && spec.backend().equals("onnx")) {
      file = spec.uri().replaceAll("/+$", "") + "/" + TOKENIZER_CONFIG;
    }
    if (file == null) {
      throw new IllegalArgumentException("model " + spec.modelKey() + " asks for its chat template"
          + " (chat_template: true), but a " + spec.backend() + " model has no export folder to read it from;"
          + " name its tokenizer_config.json with chat_template_file: PATH in the model file");
    }
    try {
      return read(file, hadoop);
    } catch (IOException | ChatTemplateException e) {
      throw new IllegalArgumentException("model " + spec.modelKey() + " asks for its chat template"
          + " (chat_template: true), but " + e.getMessage(), e);
    }
  }

  /** Reads a {@code tokenizer_config.json} (local path or any Hadoop file system URI, e.g. s3a://). */
  public static ChatTemplate read(String file, Configuration hadoop) throws IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(hadoop);
    if (!fs.exists(path)) {
      throw new IOException(file + " does not exist; give the model's tokenizer_config.json (it holds chat_template)");
    }
    try (InputStream in = fs.open(path)) {
      return ChatTemplate.fromTokenizerConfig(new String(in.readAllBytes(), StandardCharsets.UTF_8), file);
    }
  }
}
