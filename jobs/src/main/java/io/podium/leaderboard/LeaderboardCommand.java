package io.podium.leaderboard;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import io.podium.leaderboard.normalize.Normalization;
import io.podium.leaderboard.page.HtmlPage;
import io.podium.leaderboard.page.PageData;
import io.podium.leaderboard.page.PageReader;
import io.podium.leaderboard.view.LeaderboardReader;
import io.podium.leaderboard.view.Snapshot;
import io.podium.leaderboard.view.SnapshotDiff;
import io.podium.leaderboard.view.SnapshotInfo;
import io.podium.leaderboard.view.SnapshotSelector;
import io.podium.leaderboard.view.ViewFormat;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code podium leaderboard}: shows a snapshot of the leaderboard table (the latest, or the one
 * in force at a time, or one by id), or what changed between two snapshots.
 */
public final class LeaderboardCommand implements Command {

  @Override
  public String name() {
    return "leaderboard";
  }

  @Override
  public boolean onlyReads() {
    return true;
  }

  @Override
  public String summary() {
    return "show a leaderboard snapshot (latest, --as-of TIME|ID) or the changes between two (--diff A B)";
  }

  @Override
  public String usage() {
    return "[--as-of TIME|ID | --diff A B] [--format table|csv|json|md|html] [--out FILE]";
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("as-of", "TIME|ID", "the latest snapshot taken at or before TIME (ISO date, meaning the end of"
            + " that day, or date-time; UTC unless an offset is given), or the snapshot with id (or id prefix) ID"),
        Option.value("diff", "A B", "what changed from snapshot A to snapshot B (each an id or a time as --as-of"
            + " takes it): rank moves, score changes, models that entered or left"),
        Option.value("format", "table|csv|json|md|html", "output format (default table; html: a self-contained"
            + " page to explore one snapshot: search, filters, column toggles, plots, a view per model)"),
        Option.value("out", "FILE", "write to FILE instead of standard output"));
  }

  @Override
  public void validate(ParsedArgs args) {
    ViewFormat format = format(args);
    boolean diff = args.has("diff");
    if (diff && args.has("as-of")) {
      throw new UsageException("podium leaderboard: give --as-of or --diff, not both");
    }
    if (diff && args.positionals().size() != 1) {
      throw new UsageException("podium leaderboard: --diff takes two snapshots: --diff A B (ids or times)");
    }
    if (!diff && !args.positionals().isEmpty()) {
      throw new UsageException("podium leaderboard: unexpected argument '" + args.positionals().get(0) + "'");
    }
    if (diff && !format.writesDiffs()) {
      throw new UsageException("podium leaderboard: --format html shows one snapshot; write a diff as table, csv,"
          + " json or md");
    }
  }

  private static ViewFormat format(ParsedArgs args) {
    try {
      return ViewFormat.of(args.get("format", "table"));
    } catch (IllegalArgumentException e) {
      throw new UsageException("podium leaderboard: " + e.getMessage());
    }
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    ViewFormat format = format(args);
    boolean diff = args.has("diff");
    LeaderboardReader reader = new LeaderboardReader(context.spark());
    SnapshotSelector selector = new SnapshotSelector(reader.snapshots());
    Consumer<PrintStream> writer;
    if (diff) {
      SnapshotInfo a = selector.select(args.get("diff"));
      SnapshotInfo b = selector.select(args.positionals().get(0));
      SnapshotDiff d = SnapshotDiff.between(reader.load(a), reader.load(b));
      writer = out -> format.write(d, out);
    } else {
      SnapshotInfo info = args.has("as-of") ? selector.select(args.get("as-of")) : selector.latest();
      Snapshot s = reader.load(info);
      if (format == ViewFormat.HTML) {
        Normalization rules = Normalization.shipped();
        PageData page = new PageReader(context.spark(), rules).read(s);
        writer = out -> out.print(HtmlPage.render(page, rules));
      } else {
        writer = out -> format.write(s, out);
      }
    }

    String file = args.get("out");
    if (file == null) {
      writer.accept(context.out());
      context.out().flush();
      return 0;
    }
    Path path = Path.of(file).toAbsolutePath();
    if (path.getParent() != null) {
      Files.createDirectories(path.getParent());
    }
    try (OutputStream os = Files.newOutputStream(path);
        PrintStream out = new PrintStream(os, false, StandardCharsets.UTF_8)) {
      writer.accept(out);
      out.flush();
      if (out.checkError()) {
        throw new java.io.IOException("could not write " + path);
      }
    }
    context.err().println("wrote " + path);
    return 0;
  }
}
