package io.podium.leaderboard.page;

/**
 * One option of a filter: the value rows carry, its label and how many models have it.
 *
 * @param value the value matched against the row's
 * @param label what the filter shows
 * @param count models of the board with that value
 */
public record Choice(String value, String label, long count) {}
