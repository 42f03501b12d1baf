package io.east.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.east.schemas.ModelVersion;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Proves the schema checks catch what they are for, on deliberately bad versions of ModelVersion. */
class SchemaEvolutionCheckTest {

    /** An older ModelVersion that lacks a field the current one requires and has no default for. */
    static final Schema MISSING_REQUIRED_FIELD = ModelVersionSchemas.endWithCreatedAt(ModelVersionSchemas.fields()
            .requiredLong("version").requiredLong("step"));

    /** An older ModelVersion whose step was a string. */
    static final Schema CHANGED_TYPE = ModelVersionSchemas.endWithCreatedAt(ModelVersionSchemas.fields()
            .requiredLong("version").requiredString("checkpoint_uri").requiredString("step"));

    /** An older ModelVersion with an int version and without the fields that were added later with defaults: fine. */
    static final Schema COMPATIBLE_OLDER = ModelVersionSchemas.endWithCreatedAt(ModelVersionSchemas.fields()
            .requiredInt("version").requiredString("checkpoint_uri").requiredLong("step"));

    private final Schema current = ModelVersion.getClassSchema();

    @Test
    void compatibilityCheckReportsAMissingRequiredField() {
        assertThat(SchemaEvolutionCheck.compatibilityProblems(MISSING_REQUIRED_FIELD, current, "ModelVersion v0"))
                .singleElement().asString()
                .contains("cannot read ModelVersion v0", "READER_FIELD_MISSING_DEFAULT_VALUE", "checkpoint_uri");
    }

    @Test
    void decodeCheckReportsAMissingRequiredField() {
        AvroSerde<ModelVersion> serde = AvroSerde.of(ModelVersion.class, List.of(MISSING_REQUIRED_FIELD));

        assertThat(SchemaEvolutionCheck.decodeProblems(MISSING_REQUIRED_FIELD, "ModelVersion v0", serde, 20, 1))
                .singleElement().asString()
                .contains("current ModelVersion cannot decode ModelVersion v0 datum #0", "checkpoint_uri");
    }

    @Test
    void bothChecksReportAChangedType() {
        AvroSerde<ModelVersion> serde = AvroSerde.of(ModelVersion.class, List.of(CHANGED_TYPE));

        assertThat(SchemaEvolutionCheck.compatibilityProblems(CHANGED_TYPE, current, "ModelVersion v0"))
                .singleElement().asString().contains("TYPE_MISMATCH", "/fields/2/type");
        assertThat(SchemaEvolutionCheck.decodeProblems(CHANGED_TYPE, "ModelVersion v0", serde, 20, 1))
                .singleElement().asString().contains("cannot decode ModelVersion v0");
    }

    @Test
    void readabilityCheckCombinesBothOverEveryVersion() {
        List<String> problems = SchemaEvolutionCheck.readabilityProblems(
                ModelVersion.class, List.of(COMPATIBLE_OLDER, CHANGED_TYPE, current), 7);

        assertThat(problems).isNotEmpty().allSatisfy(problem -> assertThat(problem).contains("ModelVersion v2"));
    }

    @Test
    void compatibleOlderVersionPassesBothChecks() {
        AvroSerde<ModelVersion> serde = AvroSerde.of(ModelVersion.class, List.of(COMPATIBLE_OLDER));

        assertThat(SchemaEvolutionCheck.compatibilityProblems(COMPATIBLE_OLDER, current, "ModelVersion v0")).isEmpty();
        assertThat(SchemaEvolutionCheck.decodeProblems(COMPATIBLE_OLDER, "ModelVersion v0", serde, 100, 1)).isEmpty();
    }

    @Test
    void releaseCheckReportsAnUnreleasedSchemaWithTheNextVersionPath() {
        assertThat(SchemaEvolutionCheck.releaseProblems(ModelVersion.class, List.of(COMPATIBLE_OLDER)))
                .containsExactly("schema ModelVersion changed: add it to "
                        + "schemas/src/test/resources/history/ModelVersion/v2.avsc (and index.txt) once released");
        assertThat(SchemaEvolutionCheck.releaseProblems(ModelVersion.class, List.of(COMPATIBLE_OLDER, current)))
                .isEmpty();
    }

    @Test
    void indexCheckReportsUnlistedMissingAndDuplicateFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("ModelVersion"));
        java.nio.file.Files.writeString(dir.resolve("ModelVersion/v1.avsc"), current.toString());
        java.nio.file.Files.writeString(dir.resolve("ModelVersion/v2.avsc"), current.toString());
        java.nio.file.Files.writeString(dir.resolve("index.txt"), "");

        assertThat(SchemaEvolutionCheck.indexProblems(dir,
                List.of("ModelVersion/v1.avsc", "ModelVersion/v1.avsc", "QuestionTask/v1.avsc")))
                .containsExactlyInAnyOrder(
                        "index.txt lists ModelVersion/v1.avsc more than once",
                        "index.txt lists QuestionTask/v1.avsc, which is not in schemas/src/test/resources/history",
                        "schemas/src/test/resources/history/ModelVersion/v2.avsc is not listed in index.txt");
    }
}
