package io.east.cli.demo;

/** The Kafka a chaos run goes through, and the one disruption the run does to it halfway. */
interface ChaosBroker extends AutoCloseable {

    String bootstrapServers();

    /** Takes the broker (or one node of the cluster) down and brings it back on the same data. */
    void disrupt() throws Exception;

    /** One line for the summary: what {@link #disrupt()} did. */
    String disruptions();

    @Override
    void close();
}
