/**
 * Generator workers: members of the consumer group {@code east-generators} on {@code east.questions} that sample
 * n responses per question task through a {@link io.east.producers.generate.GenerationBackend}, grade them with
 * core, and produce the n {@code ReasoningSample}s in one Kafka transaction together with the consumed offset.
 *
 * <p>A backend (an OpenAI-compatible server, or the DJL policy of the model module) only turns prompts into texts;
 * the worker owns prompting, validation, grading, dead letters and the transactions.
 */
package io.east.producers.generate;
