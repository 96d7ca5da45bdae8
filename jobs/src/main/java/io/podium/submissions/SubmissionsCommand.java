package io.podium.submissions;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import io.podium.spark.SqlLiterals;
import io.podium.spark.Warehouse;
import io.podium.sql.ResultFormat;
import io.podium.tables.Tables;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code podium submissions}: the queue. */
public final class SubmissionsCommand implements Command {

  @Override
  public String name() {
    return "submissions";
  }

  @Override
  public boolean onlyReads() {
    return true;
  }

  @Override
  public String summary() {
    return "list the submission queue (status, times, reasons)";
  }

  @Override
  public String usage() {
    return "[--status PENDING|RUNNING|FINISHED|FAILED|IMPORTED]";
  }

  @Override
  public List<Option> options() {
    return List.of(Option.value("status", "S", "only submissions in this state"));
  }

  @Override
  public void validate(ParsedArgs args) {
    String status = args.get("status");
    if (status != null && !List.of("PENDING", "RUNNING", "FINISHED", "FAILED", "IMPORTED").contains(status)) {
      throw new UsageException("podium submissions: --status must be PENDING, RUNNING, FINISHED, FAILED or IMPORTED");
    }
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    String status = args.get("status");
    Dataset<Row> rows = context.spark().sql("SELECT model_key, backend, submitter, status, submitted_at, started_at,"
        + " finished_at, reason FROM " + Warehouse.qualified(Tables.SUBMISSIONS)
        + (status == null ? "" : " WHERE status = " + SqlLiterals.string(status))
        + " ORDER BY submitted_at, model_key");
    ResultFormat.TABLE.print(rows.schema(), rows.collectAsList(), context.out(), 80);
    return 0;
  }
}
