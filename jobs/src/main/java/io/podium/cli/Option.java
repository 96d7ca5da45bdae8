package io.podium.cli;

/**
 * A command-line option of a subcommand.
 *
 * @param name long name without dashes, e.g. {@code source}
 * @param valueName placeholder shown in help, or null for a flag
 * @param repeatable whether it may be given more than once
 * @param help one line of help
 */
public record Option(String name, String valueName, boolean repeatable, String help) {

  public static Option flag(String name, String help) {
    return new Option(name, null, false, help);
  }

  public static Option value(String name, String valueName, String help) {
    return new Option(name, valueName, false, help);
  }

  public static Option repeated(String name, String valueName, String help) {
    return new Option(name, valueName, true, help);
  }

  public boolean takesValue() {
    return valueName != null;
  }
}
