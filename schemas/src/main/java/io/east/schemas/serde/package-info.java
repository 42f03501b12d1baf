/**
 * Kafka serdes of the record types in Avro single-object encoding, and the released schema history they read.
 *
 * <p>No schema-registry server is involved: every record carries the 64-bit fingerprint of the schema it was written
 * with, and every build carries the schemas of all released versions ({@link io.east.schemas.serde.SchemaHistory}),
 * so a consumer resolves old records to its current classes by itself. The price is that a schema change must be
 * released into the history (and stay backward compatible, which the schema tests check) before anything writes it.
 */
package io.east.schemas.serde;
