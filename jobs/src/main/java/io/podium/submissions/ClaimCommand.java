package io.podium.submissions;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** {@code podium claim}: PENDING submissions → RUNNING, for this run only; prints their model keys. */
public final class ClaimCommand implements Command {

  @Override
  public String name() {
    return "claim";
  }

  @Override
  public String summary() {
    return "claim pending submissions for this run (atomically: no two runs get the same one)";
  }

  @Override
  public String usage() {
    return "[--claim-id ID] [--limit N] [--json] [--keys-file FILE]";
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("claim-id", "ID", "this run's claim (default: a new UUID); a scheduler passes its run id, so a"
            + " retried claim gets back what it already holds"),
        Option.value("limit", "N", "claim at most N (default: all pending)"),
        Option.flag("json", "print the claimed model keys as one JSON array (for schedulers)"),
        Option.value("keys-file", "FILE", "also write that JSON array to a local FILE (on the driver: for a"
            + " scheduler that runs the driver in client mode, e.g. the Airflow DAG)"));
  }

  @Override
  public void validate(ParsedArgs args) {
    if (args.getInt("limit", 1) < 1) {
      throw new UsageException("podium claim: --limit must be at least 1");
    }
    if (args.get("claim-id") != null) {
      try {
        ClaimIds.check(args.get("claim-id"));
      } catch (IllegalArgumentException e) {
        throw new UsageException("podium claim: --claim-id: " + e.getMessage());
      }
    }
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    int limit = args.getInt("limit", Integer.MAX_VALUE);
    String claimId = args.get("claim-id") != null ? args.get("claim-id") : SubmissionQueue.newClaimId();
    List<String> claimed = new SubmissionQueue(context.spark(), SubmissionRules.shipped()).claim(claimId, limit);
    String json = new ObjectMapper().writeValueAsString(claimed);
    if (args.get("keys-file") != null) {
      writeAtomically(Path.of(args.get("keys-file")), json + "\n");
    }
    if (args.has("json")) {
      context.out().println(json);
    } else {
      context.out().println("claimed " + claimed.size() + " submission(s) under claim " + claimId
          + (claimed.isEmpty() ? "" : ": " + String.join(", ", claimed)));
    }
    return 0;
  }

  /** The whole file or none of it: a reader never sees half a list. */
  private static void writeAtomically(Path file, String text) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path temp = Files.createTempFile(absolute.getParent(), ".claimed-", ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
