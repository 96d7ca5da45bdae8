package io.podium.submissions;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
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
    return "[--limit N] [--json]";
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("limit", "N", "claim at most N (default: all pending)"),
        Option.flag("json", "print the claimed model keys as one JSON array (for schedulers)"));
  }

  @Override
  public void validate(ParsedArgs args) {
    if (args.getInt("limit", 1) < 1) {
      throw new UsageException("podium claim: --limit must be at least 1");
    }
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    int limit = args.getInt("limit", Integer.MAX_VALUE);
    List<String> claimed = new SubmissionQueue(context.spark(), SubmissionRules.shipped()).claim(limit);
    if (args.has("json")) {
      context.out().println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(claimed));
    } else {
      context.out().println("claimed " + claimed.size() + " submission(s)" + (claimed.isEmpty() ? "" : ": "
          + String.join(", ", claimed)));
    }
    return 0;
  }
}
