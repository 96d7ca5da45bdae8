/**
 * IFEval scoring: whether a model's response follows the verifiable instructions of its prompt,
 * as lm-evaluation-harness's {@code ifeval} task (Google's instruction_following_eval) decides.
 *
 * <ul>
 *   <li>{@link io.podium.scoring.ifeval.IfEvalScorer} scores a response (strict and loose);
 *   <li>{@link io.podium.scoring.ifeval.Instructions} maps the 25 instruction ids to their
 *       checks, one class each in {@code io.podium.scoring.ifeval.instructions};
 *   <li>{@code io.podium.scoring.ifeval.text} holds the Python, nltk and langdetect behaviour the
 *       checks depend on (whitespace, regex classes, json.loads, Punkt sentences, word tokens,
 *       language identification). Sentences are split with nltk's English Punkt model when it
 *       is installed and otherwise with Podium's approximation of it; {@link
 *       io.podium.scoring.ifeval.IfEvalScorer#sentenceModel()} says which.
 * </ul>
 */
package io.podium.scoring.ifeval;
