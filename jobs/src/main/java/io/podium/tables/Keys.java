package io.podium.tables;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic ids and shards. They depend only on what identifies a document or request,
 * never on run time, file order or partitioning, so re-running ingest produces the same keys.
 */
public final class Keys {

  private Keys() {}

  /** SHA-256 of the parts, joined with NUL, as lowercase hex. */
  public static String sha256(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          digest.update((byte) 0);
        }
        digest.update(String.valueOf(parts[i]).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The id of a request: 128 bits of SHA-256 over (benchmark, subtask, doc_id, index, task
   * version) for a plain prompt, and over the same and the chat template's sha1 for a prompt
   * rendered through a template (so plain ids stay what they were before templates existed).
   */
  public static String requestId(String benchmark, String subtask, int docId, int requestIndex, String taskVersion,
      String template) {
    String[] parts = template.isEmpty()
        ? new String[] {benchmark, subtask, Integer.toString(docId), Integer.toString(requestIndex), taskVersion}
        : new String[] {benchmark, subtask, Integer.toString(docId), Integer.toString(requestIndex), taskVersion,
            template};
    return sha256(parts).substring(0, 32);
  }

  /** The shard of a document: its key's SHA-256, as an unsigned 64-bit number, modulo the shard count. */
  public static int shard(String benchmark, String subtask, int docId, int shards) {
    String hex = sha256(benchmark, subtask, Integer.toString(docId)).substring(0, 16);
    return (int) Long.remainderUnsigned(Long.parseUnsignedLong(hex, 16), shards);
  }
}
