package io.east.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class HostCheckTest {

    @Test
    void onLoopbackOnlyLoopbackNamesAreAnswered() throws Exception {
        HostCheck check = new HostCheck(InetAddress.getByName("127.0.0.1"));

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
        HostCheck check = new HostCheck(InetAddress.getByName("0.0.0.0"));

        assertThat(check.allows("dashboard.internal:8080")).isTrue();
        assertThat(check.allows(null)).isTrue();
    }
}
