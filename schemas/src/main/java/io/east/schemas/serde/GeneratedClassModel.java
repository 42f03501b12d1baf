package io.east.schemas.serde;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Conversion;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The data model of one generated record class: its logical-type conversions, and its own generated classes resolved
 * directly rather than by name through Avro.
 *
 * <p>Avro 1.12.2 (AVRO-4189) checks every class it loads by name against a global allow-list that by default holds
 * sixteen JDK classes, so even a generated class's own {@code fromByteBuffer} fails with "Forbidden ... not trusted".
 * The check guards against schemas that name arbitrary classes; the classes resolved here are not chosen by the data
 * but named by the reader schema compiled into this build, so they need no allow-list, and this way no JVM needs a
 * system property or a change to the global list. Any other class still goes through Avro's check.
 */
final class GeneratedClassModel extends SpecificData {

    private final Map<String, Class<?>> generatedClasses = new HashMap<>();

    private GeneratedClassModel(Class<? extends SpecificRecord> type, Schema schema) {
        super(type.getClassLoader());
        for (Conversion<?> conversion : SpecificData.getForClass(type).getConversions()) {
            addLogicalTypeConversion(conversion);
        }
        collectNamedTypes(schema, type.getClassLoader());
        // Avro's fast reader resolves writer to reader schema once, when a reader is built, instead of stepping a
        // resolving decoder through the schema for every record.
        setFastReaderEnabled(true);
    }

    static SpecificData of(Class<? extends SpecificRecord> type, Schema schema) {
        return new GeneratedClassModel(type, schema);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class getClass(Schema schema) {
        Class<?> generated = switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> generatedClasses.get(schema.getFullName());
            default -> null;
        };
        return generated != null ? generated : super.getClass(schema);
    }

    private void collectNamedTypes(Schema schema, ClassLoader loader) {
        switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> {
                if (generatedClasses.containsKey(schema.getFullName())) {
                    return;
                }
                try {
                    generatedClasses.put(schema.getFullName(), Class.forName(getClassName(schema), false, loader));
                } catch (ClassNotFoundException e) {
                    return;
                }
                if (schema.getType() == Schema.Type.RECORD) {
                    schema.getFields().forEach(field -> collectNamedTypes(field.schema(), loader));
                }
            }
            case ARRAY -> collectNamedTypes(schema.getElementType(), loader);
            case MAP -> collectNamedTypes(schema.getValueType(), loader);
            case UNION -> schema.getTypes().forEach(branch -> collectNamedTypes(branch, loader));
            default -> {
            }
        }
    }
}
