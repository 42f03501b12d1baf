package io.east.serve;

/**
 * What is being served, readable from any thread: the facts request validation and the info routes need, without
 * touching the model itself (which only the sampling thread uses).
 *
 * @param modelPath the checkpoint directory as the operator or the reload request named it
 * @param weightVersion the reload's {@code weight_version}, else the checkpoint's model version in decimal
 * @param policyVersion the version of the checkpoint's east-state.json, 0 without one
 * @param maxPositions the model's positions: prompt plus completion tokens fit in them
 */
record ModelInfo(String modelPath, String weightVersion, long policyVersion, int maxPositions) {
}
