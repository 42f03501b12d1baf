package io.east.bench.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the baseline script prints is read back, and rounds reduce to their median. */
class TorchBaselineTest {

    @Test
    void aShapeLineGivesRateStepTimeAndPeakMemory() {
        TorchBaseline.ShapeRate rate = TorchBaseline.shapeRate("shape params=188,982,272 batch 8 x 496 bf16 eager on "
                + "cuda: positions/s=46097 ms/step=86.1 peak_bytes=9828583936 loss=2.951");
        assertThat(rate).isEqualTo(new TorchBaseline.ShapeRate(46097, 86.1, 9828583936L));
        assertThat(TorchBaseline.shapeRate("torch 2.11.0+cu130, threads 16")).isNull();
    }

    @Test
    void aTrainLineGivesItsSizeAndRate() {
        assertThat(TorchBaseline.trainRate("train  tiny d=128 L=4 h=4/2 ff=384    params=800,384 batch=16  9164 "
                + "tokens/s  193.8 ms/step")).containsExactlyEntriesOf(java.util.Map.of("tiny d=128 L=4 h=4/2 ff=384",
                9164.0));
        assertThat(TorchBaseline.trainRate("sample tiny ...")).isEmpty();
    }
}
