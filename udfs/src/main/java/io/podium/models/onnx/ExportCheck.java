package io.podium.models.onnx;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Checks an Optimum export folder on the driver, before any Spark task opens it, without
 * loading the model: {@code model.onnx} is an ONNX model whose bytes are all there (its
 * top-level protobuf fields are walked, skipping their contents: a truncated file ends inside
 * one, a file of other bytes breaks the framing), {@code config.json} is a JSON object, and
 * {@code tokenizer.json} is a tokenizer (a JSON object with a {@code model}). Each failure says
 * which file, what is wrong with it, and the fix.
 */
final class ExportCheck {

  private static final String FIX = "export the model again with optimum-cli export onnx --task"
      + " text-generation-with-past, and copy the whole folder";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** ModelProto's fields: ir_version (1) and graph (7). */
  private static final int IR_VERSION = 1;
  private static final int GRAPH = 7;

  private ExportCheck() {}

  static void check(FileSystem fs, Path folder) throws IOException {
    for (String file : new String[] {"model.onnx", "tokenizer.json", "config.json"}) {
      if (!fs.exists(new Path(folder, file))) {
        throw new IllegalArgumentException("model folder " + folder + " has no " + file + ". Fix: give the folder of"
            + " an Optimum ONNX export (model.onnx, tokenizer.json, config.json); " + FIX);
      }
    }
    onnx(fs, new Path(folder, "model.onnx"));
    config(fs, new Path(folder, "config.json"));
    tokenizer(fs, new Path(folder, "tokenizer.json"));
  }

  /** Walks the top-level fields of the ModelProto, skipping each field's content. */
  static void onnx(FileSystem fs, Path file) throws IOException {
    long length = fs.getFileStatus(file).getLen();
    if (length == 0) {
      throw notOnnx(file, "it is empty");
    }
    boolean irVersion = false;
    boolean graph = false;
    try (FSDataInputStream in = fs.open(file)) {
      long position = 0;
      while (position < length) {
        long tag = varint(in);
        position = in.getPos();
        int field = (int) (tag >>> 3);
        int wire = (int) (tag & 7);
        if (field == 0) {
          throw notOnnx(file, "byte " + position + " starts no protobuf field (field number 0)");
        }
        long skip = switch (wire) {
          case 0 -> {
            varint(in);
            yield 0;
          }
          case 1 -> 8;
          case 2 -> varint(in);
          case 5 -> 4;
          default -> throw notOnnx(file, "byte " + position + " has protobuf wire type " + wire
              + ", which no ONNX model uses");
        };
        long end = in.getPos() + skip;
        if (skip < 0 || end > length) {
          throw new IllegalArgumentException(file + " is truncated: field " + field + " at byte " + position
              + " needs " + skip + " bytes, the file has " + (length - in.getPos()) + " left. Fix: copy the file"
              + " again (its size must be the export's), or " + FIX);
        }
        in.seek(end);
        position = end;
        irVersion |= field == IR_VERSION && wire == 0;
        graph |= field == GRAPH && wire == 2;
      }
    } catch (EOFException e) {
      throw new IllegalArgumentException(file + " is truncated: it ends inside a field. Fix: copy the file again"
          + " (its size must be the export's), or " + FIX);
    }
    if (!irVersion || !graph) {
      throw notOnnx(file, "it has no " + (!irVersion ? "ir_version" : "graph"));
    }
  }

  private static IllegalArgumentException notOnnx(Path file, String why) {
    return new IllegalArgumentException(file + " is not an ONNX model: " + why + ". Fix: " + FIX);
  }

  /** A protobuf base-128 varint; a longer one than 10 bytes is not protobuf. */
  private static long varint(InputStream in) throws IOException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException();
      }
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IOException("a varint longer than 10 bytes");
  }

  static void config(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      if (!JSON.readTree(in).isObject()) {
        throw new IllegalArgumentException(file + " is not a JSON object. Fix: " + FIX);
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not JSON (" + e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr() + "). Fix: " + FIX);
    }
  }

  /** A tokenizer.json is an object with a {@code model} object; the rest is skipped unread. */
  static void tokenizer(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file); JsonParser p = new JsonFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException(file + " is not a tokenizer: not a JSON object. Fix: " + FIX);
      }
      boolean model = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        model |= name.equals("model") && value == JsonToken.START_OBJECT;
        p.skipChildren();
      }
      if (!model) {
        throw new IllegalArgumentException(file + " is not a tokenizer: it has no \"model\" object. Fix: " + FIX);
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not a tokenizer: not JSON (" + e.getOriginalMessage()
          + " at line " + e.getLocation().getLineNr() + "). Fix: " + FIX);
    }
  }
}
