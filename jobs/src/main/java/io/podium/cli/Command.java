package io.podium.cli;

import java.util.List;

/** A subcommand of {@code podium}: its name, options and what it does. */
public interface Command {

  String name();

  /** One line for {@code podium --help}. */
  String summary();

  /** Usage line after {@code podium <name>}, e.g. {@code --source DIR [--benchmarks LIST]}. */
  String usage();

  /** The options it accepts besides the common ones ({@link CommandLine#COMMON_OPTIONS}). */
  List<Option> options();

  /**
   * Checks the arguments the way the command needs them (required options, numbers, names from a
   * fixed set, a model spec), without starting Spark or reading any input but a local file the
   * arguments name (a model file); throws {@link UsageException} with
   * the message to show (exit code 2). {@link CommandLine#run} calls it before every run and alone for
   * {@code --dry-run}, so a dry run accepts exactly what a run accepts. Default: nothing beyond
   * what the option parser already checked (unknown options, missing values).
   */
  default void validate(ParsedArgs args) {
  }

  /**
   * Whether the command only reads the warehouse ({@code sql}, {@code leaderboard}): on a
   * warehouse that holds no Podium table it fails, saying so, instead of creating empty tables
   * there. Default: false (the command may create the warehouse).
   */
  default boolean onlyReads() {
    return false;
  }

  /** Runs the command, on arguments {@link #validate} accepted; returns the process exit code. */
  int run(ParsedArgs args, CommandContext context) throws Exception;
}
