package io.podium.cli;

import java.util.List;

/** A subcommand of {@code podium}: its name, options and what it does. */
public interface Command {

  String name();

  /** One line for {@code podium --help}. */
  String summary();

  /** Usage line after {@code podium <name>}, e.g. {@code --source DIR [--benchmarks LIST]}. */
  String usage();

  /** The options it accepts besides the common ones ({@link Podium#COMMON_OPTIONS}). */
  List<Option> options();

  /** Runs the command; returns the process exit code. */
  int run(ParsedArgs args, CommandContext context) throws Exception;
}
