/**
 * Ablations by replay ({@code east ablate}): the paper's comparison of weighting settings on one sample log. Every
 * config weighs the same samples (the batch path for a file, the streams app as an experiment of its own for the
 * topic), trains the same initial checkpoint on the same kept examples in the same order for the same steps, and is
 * evaluated greedily on the same held-out questions; only the weights differ.
 */
package io.east.ablation;
