package io.east.producers.generate;

/**
 * What a worker has done since it started; counts only committed work.
 *
 * @param tasks tasks whose n samples were committed
 * @param samples samples committed
 * @param deadLetters dead letters committed (undecodable, invalid, generation_failed)
 * @param transactions committed transactions
 * @param aborted transactions aborted (rebalance, fencing of a stale group member, broker errors)
 */
public record WorkerStats(long tasks, long samples, long deadLetters, long transactions, long aborted) {
}
