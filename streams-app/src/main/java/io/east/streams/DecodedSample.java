package io.east.streams;

import io.east.schemas.ReasoningSample;

/**
 * What the decoder hands to the grouper inside one task (never serialised): the validated sample, and the bytes it
 * arrived as. The grouper stores those bytes as they are, so a sample is encoded by its producer only: they are
 * already the sample store's format (a single-object ReasoningSample, of whichever released schema version).
 */
record DecodedSample(ReasoningSample sample, byte[] bytes) {
}
