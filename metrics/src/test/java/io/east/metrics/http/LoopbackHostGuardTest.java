package io.east.metrics.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class LoopbackHostGuardTest {

    @Test
    void onLoopbackOnlyLoopbackNamesAreAnswered() throws Exception {
        LoopbackHostGuard check = new LoopbackHostGuard(InetAddress.getByName("127.0.0.1"));

        assertThat(check.allows("localhost:8080")).isTrue();
        assertThat(check.allows("LOCALHOST")).isTrue();
        assertThat(check.allows("127.0.0.1:8080")).isTrue();
        assertThat(check.allows("127.1.2.3")).isTrue();
        assertThat(check.allows("[::1]:8080")).isTrue();
        assertThat(check.allows("evil.example:8080")).isFalse();
        assertThat(check.allows("localhost.evil.example")).isFalse();
        assertThat(check.allows("127.0.0.1.evil.example")).isFalse();
        assertThat(check.allows(null)).isFalse();
    }

    @Test
    void onAnOtherAddressTheOperatorsNamesAreTheirs() throws Exception {
        LoopbackHostGuard check = new LoopbackHostGuard(InetAddress.getByName("0.0.0.0"));

        assertThat(check.allows("dashboard.internal:8080")).isTrue();
        assertThat(check.allows(null)).isTrue();
    }
}
