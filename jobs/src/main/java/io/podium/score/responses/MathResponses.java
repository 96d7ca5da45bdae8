package io.podium.score.responses;

import io.podium.python.PyJson;
import io.podium.scoring.math.MathEquivalence;
import io.podium.scoring.math.MathScorer;
import io.podium.scoring.math.MathVerdict;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MATH responses generated elsewhere, scored as the leaderboard's {@code leaderboard_math_hard}
 * did. Each response line names its problem by {@code idx} (the MATH record's id) or by the
 * {@code problem} text; the output has one line per response with the extracted answer, the
 * normalized answer, the normalized gold and {@code exact_match}.
 */
final class MathResponses {

  /** What a run found. */
  record Report(int scored, int correct, MathEquivalence method, List<String> warnings,
      List<JsonLines.Line> unmatched, Path output, double seconds) {

    double accuracy() {
      return scored == 0 ? Double.NaN : (double) correct / scored;
    }
  }

  private MathResponses() {}

  static Report score(Path responses, Path docsFile, Path output, MathEquivalence method) throws IOException {
    Map<String, JsonLines.Line> byIdx = new LinkedHashMap<>();
    Map<String, JsonLines.Line> byProblem = new LinkedHashMap<>();
    for (JsonLines.Line doc : JsonLines.read(docsFile)) {
      doc.string("solution");
      Object idx = doc.record().get("idx");
      if (idx != null) {
        byIdx.putIfAbsent(String.valueOf(idx), doc);
      }
      byProblem.putIfAbsent(doc.string("problem"), doc);
    }
    List<String> warnings = new ArrayList<>();
    List<JsonLines.Line> unmatched = new ArrayList<>();
    MathScorer scorer = new MathScorer(method);
    int scored = 0;
    int correct = 0;
    long started = System.nanoTime();
    if (output.getParent() != null) {
      Files.createDirectories(output.getParent());
    }
    try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      for (JsonLines.Line line : JsonLines.read(responses)) {
        Object idx = line.record().get("idx");
        JsonLines.Line doc = idx != null ? byIdx.get(String.valueOf(idx))
            : line.record().get("problem") instanceof String p ? byProblem.get(p) : null;
        if (doc == null) {
          unmatched.add(line);
          continue;
        }
        String solution = doc.string("solution");
        String gold = MathScorer.goldAnswer(solution);
        if (gold == null) {
          warnings.add(docsFile + " line " + doc.number() + " has no \\boxed{} answer in its solution; "
              + line.where() + " is not scored");
          continue;
        }
        MathVerdict v = scorer.score(line.string("response"), gold);
        scored++;
        correct += v.exactMatch() ? 1 : 0;
        Map<String, Object> o = new LinkedHashMap<>();
        if (idx != null) {
          o.put("idx", idx instanceof Number n ? (Object) n.longValue() : String.valueOf(idx));
        } else {
          o.put("problem", doc.string("problem"));
        }
        o.put("extracted_answer", v.extracted());
        o.put("normalized_answer", v.normalized());
        o.put("gold_answer", v.goldNormalized());
        o.put("exact_match", v.exactMatch() ? 1 : 0);
        o.put("method", method.id());
        out.write(PyJson.dumps(o));
        out.write('\n');
      }
    }
    return new Report(scored, correct, method, warnings, unmatched, output, (System.nanoTime() - started) / 1e9);
  }
}
