/**
 * Following the trainer's model versions, for every stage that serves or evaluates them: {@link
 * io.east.producers.versions.ModelVersionFollower} reads the announcements on {@code east.model-versions} (a {@link
 * io.east.producers.versions.ModelVersionFeed}), {@link io.east.producers.versions.CheckpointRoot} decides which
 * announced checkpoints may be loaded, and {@link io.east.producers.versions.CheckpointVersion} reads the version a
 * checkpoint directory says it is. The DJL backend, weight sync, {@code east serve} and the evaluator all follow
 * versions through these.
 */
package io.east.producers.versions;
