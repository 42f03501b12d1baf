/** The Kafka Streams topology that groups samples and weights them. Arrives with the streams issue. */
package io.east.streams;
