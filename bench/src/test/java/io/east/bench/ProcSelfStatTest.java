package io.east.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ProcSelfStatTest {

    @Test
    void readsTheFourCpuTimesAfterACommandNameWithSpacesAndParentheses() {
        String line = "4242 (java (my) bench) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 56 78 9 20 0 30 0 100 "
                + "5000000 2000 18446744073709551615";

        ProcSelfStat stat = ProcSelfStat.parse(line);

        assertThat(stat).isEqualTo(new ProcSelfStat(1234, 56, 78, 9));
        assertThat(stat.ownTicks()).isEqualTo(1290);
        assertThat(stat.childTicks()).isEqualTo(87);
    }

    @Test
    void thisJvmReadsItsOwnStatOnLinux() {
        Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux"), "/proc exists on Linux only");

        assertThat(ProcSelfStat.read()).hasValueSatisfying(stat -> assertThat(stat.ownTicks()).isPositive());
    }
}
