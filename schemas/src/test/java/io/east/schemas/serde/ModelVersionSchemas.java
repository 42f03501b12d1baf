package io.east.schemas.serde;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * ModelVersion as other writers might have had it, for the schema-evolution tests. Built field by field, so each
 * variant shows in one line how it differs from the required fields of the released ModelVersion
 * ({@code version: long, checkpoint_uri: string, step: long, created_at: timestamp-millis}).
 */
final class ModelVersionSchemas {

    static final Schema TIMESTAMP = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));

    private ModelVersionSchemas() {
    }

    /** The record's name and namespace, before its fields. */
    static SchemaBuilder.FieldAssembler<Schema> fields() {
        return SchemaBuilder.record("ModelVersion").namespace("io.east.schemas").fields();
    }

    /** Adds a required {@code created_at} timestamp and ends the record. */
    static Schema endWithCreatedAt(SchemaBuilder.FieldAssembler<Schema> fields) {
        return fields.name("created_at").type(TIMESTAMP).noDefault().endRecord();
    }
}
