/**
 * The EAST maths as plain Java with no I/O: answer extraction and grading ({@code answer}), clustering, entropy and
 * the keep/discard rules ({@code group}), and the weight mapping with its normalisation scopes ({@code weight}). The
 * batch tool and the streams app both call this code, so their results agree exactly.
 */
package io.east.core;
