package io.podium.rapids;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the RAPIDS Accelerator's plan explanation ({@code spark.rapids.sql.explain=ALL}):
 * which operator, whether it would run on the GPU, and if not, RAPIDS's reason. The lines look like
 * {@code *Exec <ProjectExec> will run on GPU}, {@code @Expression <Alias> a#1 AS b#2 could run on
 * GPU} (explain-only mode), {@code ^Expression <ScalaUDF> ... will run on GPU via CPU bridge because
 * ...} (row by row on the CPU: counted as not on the GPU) or {@code !Exec <SortExec> cannot run on
 * GPU because ...}.
 *
 * @param kind   Exec, Expression, Partitioning, Command, ... (Exec or Expression, by the name, where RAPIDS names none)
 * @param name   the Spark class, e.g. ProjectExec; a UDF as ScalaUDF:its name (ScalaUDF:UDF when unnamed)
 * @param onGpu  whether RAPIDS would run it on the GPU
 * @param reason why not ("" when it would)
 */
public record Verdict(String kind, String name, boolean onGpu, String reason) {

  private static final Pattern LINE = Pattern.compile("^\\s*[*!@#$^]?(\\w*) <([^>]+)> (.*)$");
  private static final Pattern ID = Pattern.compile("#\\d+L?");
  private static final Pattern LAMBDA = Pattern.compile("\\$\\$Lambda\\$?[\\d/x0-9a-f]*");

  /** The verdict a line states, or empty for a line that states none. */
  public static Optional<Verdict> parse(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    String rest = m.group(3);
    String kind = m.group(1); // RAPIDS leaves the kind out for operators it has no rule for at all
    if (kind.isEmpty()) {
      kind = m.group(2).endsWith("Exec") ? "Exec" : "Expression";
    }
    String name = m.group(2);
    if (name.equals("ScalaUDF")) { // which function: podium_generate(...), or UDF(...) for an unnamed one
      int paren = rest.indexOf('(');
      name = name + ":" + (paren > 0 ? rest.substring(0, paren) : "UDF");
    }
    int bridge = rest.indexOf("will run on GPU via CPU bridge");
    if (bridge >= 0) { // row by row on the CPU inside a GPU plan
      String why = rest.substring(bridge + "will run on GPU via CPU bridge".length()).replaceFirst("^\\s*(because\\s*)?", "");
      return Optional.of(new Verdict(kind, name, false, reason("runs through the CPU bridge: " + why)));
    }
    int because = rest.indexOf("cannot run on GPU because ");
    if (because >= 0) {
      return Optional.of(new Verdict(kind, name, false,
          reason(rest.substring(because + "cannot run on GPU because ".length()))));
    }
    int willNot = rest.indexOf("will not run on GPU");
    if (willNot >= 0) {
      String why = rest.substring(willNot + "will not run on GPU".length()).replaceFirst("^\\s*(because\\s*)?", "");
      return Optional.of(new Verdict(kind, name, false, reason(why.isEmpty() ? "not stated" : why)));
    }
    if (rest.endsWith("will run on GPU") || rest.endsWith("could run on GPU")) {
      return Optional.of(new Verdict(kind, name, true, ""));
    }
    return Optional.empty();
  }

  /** A reason without the plan's expression ids, so that the same reason reads the same each run. */
  private static String reason(String text) {
    String r = LAMBDA.matcher(ID.matcher(text.strip()).replaceAll("")).replaceAll("\\$\\$Lambda");
    return r.length() > 240 ? r.substring(0, 237) + "..." : r;
  }
}
