/**
 * Sample logs without Kafka: n responses per question from a {@link io.east.producers.generate.GenerationBackend},
 * graded as the generator workers grade them and written as samples JSON lines (what {@code east tail east.samples}
 * prints), so a sample log can be made on one machine and replayed by the batch tools and the ablation harness.
 */
package io.east.producers.samples;
