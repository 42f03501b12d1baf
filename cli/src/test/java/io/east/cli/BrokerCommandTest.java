package io.east.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad cluster options end in one usage line naming the option, before anything starts. */
class BrokerCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--nodes 0|--nodes must be in 1..9",
        "--nodes 3 --node 4 --port 9092 --cluster-id nthHkUIkWwDXwehXhlBnYw --data-dir d|--node must be in 1..--nodes",
        "--nodes 3 --node 1 --port 0 --cluster-id nthHkUIkWwDXwehXhlBnYw --data-dir d|--node needs a fixed --port",
        "--nodes 3 --node 1 --port 9092 --data-dir d|--node needs --cluster-id and --data-dir",
        "--nodes 3 --cluster-id nope|--cluster-id: "})
    void badClusterOptionsAreUsageErrors(String options, String message) throws Exception {
        String stderr = CliRunner.badUsage(("broker " + options).split(" "));
        assertThat(stderr).contains(message);
    }
}
