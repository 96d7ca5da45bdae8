package io.podium.leaderboard.page;

import io.podium.leaderboard.view.Entry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One model's row of the board, with what the page's search and filters match it by.
 *
 * @param key the model key
 * @param anchor the id of its own view in the page ({@code m-} and 12 hex digits of its key's hash)
 * @param id the model id
 * @param revision the revision evaluated
 * @param precision the precision evaluated
 * @param hub its page on the Hugging Face Hub ("" for none)
 * @param rank its rank, or null when it is listed apart
 * @param tiedPrevious the rank above when statistically tied with it, else null
 * @param tiedNext the rank below when statistically tied with it, else null
 * @param missing why it is listed apart ("" when ranked)
 * @param cells the cell of each column, by column key
 * @param type its model type ("" unknown)
 * @param size its size bucket's label
 * @param chat yes, no or "" (unknown): whether the chat template was used
 * @param merged whether it is a merge
 * @param moe whether it is a mixture of experts
 * @param search what the search box matches: the model id, revision and precision, lower case
 */
public record ModelRow(String key, String anchor, String id, String revision, String precision, String hub,
    Integer rank, Integer tiedPrevious, Integer tiedNext, String missing, Map<String, Cell> cells, String type,
    String size, String chat, boolean merged, boolean moe, String search) {

  static ModelRow of(Entry e, Entry previous, Entry next, List<Column> columns) {
    Map<String, Cell> cells = new LinkedHashMap<>();
    columns.forEach(c -> cells.put(c.key(), c.cell().apply(e)));
    boolean ranked = e.ranked();
    Integer tiedPrevious = ranked && previous != null && previous.ranked() && previous.tiedWithNext()
        ? previous.rank() : null;
    Integer tiedNext = ranked && next != null && next.ranked() && e.tiedWithNext() ? next.rank() : null;
    return new ModelRow(e.modelKey(), anchor(e.modelKey()), e.modelId(), e.revision(), e.precision(),
        Hub.url(e.modelId()), ranked ? e.rank() : null, tiedPrevious, tiedNext,
        ranked || e.missing() == null ? "" : e.missing(), cells, Column.string(e, "model_type"),
        SizeBucket.of(e.score("params_billions")).label(), Column.yesNo(e.values().get("chat_template")),
        Boolean.TRUE.equals(e.values().get("merged")), Boolean.TRUE.equals(e.values().get("moe")),
        (e.modelId() + " " + e.revision() + " " + e.precision()).toLowerCase(Locale.ROOT));
  }

  /** The id of a model's view in the page: stable, and free of the characters a model key may hold. */
  static String anchor(String modelKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(modelKey.getBytes(StandardCharsets.UTF_8));
      return "m-" + HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
