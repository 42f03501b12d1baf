package io.east.producers.generate.openai.sync;

import static io.east.producers.generate.openai.sync.LoadFailures.assertLoadFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.east.producers.generate.openai.ApiKey;
import io.east.producers.generate.openai.FakeOpenAiServer.ReloadFault;
import io.east.producers.generate.openai.FakeOpenAiServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** vLLM's dev-mode reload: collective_rpc reload_weights, then reset_prefix_cache, then the model still listed. */
class VllmWeightSyncTest {

    private static final ServedCheckpoint V2 = new ServedCheckpoint(2, Path.of("/local/v000002"), "/srv/v000002");

    @AutoClose
    private FakeOpenAiServer server;
    private VllmWeightSync sync;

    @BeforeEach
    void start() throws Exception {
        server = FakeOpenAiServer.start().listModels("policy");
        sync = sync(server.baseUrl() + "/v1", Duration.ofSeconds(90));
    }

    private static VllmWeightSync sync(String baseUrl, Duration reloadTimeout) {
        return new VllmWeightSync(new AdminHttp(Duration.ofSeconds(5), ApiKey.none()), baseUrl, "policy",
                reloadTimeout, Duration.ofSeconds(5));
    }

    @Test
    void aLoadCallsReloadWeightsWithThePathThenResetsThePrefixCache() throws Exception {
        sync.load(V2);

        assertThat(server.reloads()).singleElement().satisfies(reload -> {
            assertThat(reload.route()).isEqualTo("/collective_rpc");
            assertThat(reload.body().get("method").asText()).isEqualTo("reload_weights");
            assertThat(reload.body().path("kwargs").get("weights_path").asText()).isEqualTo("/srv/v000002");
            assertThat(reload.body().path("kwargs").get("is_checkpoint_format").asBoolean()).isTrue();
            assertThat(reload.body().get("timeout").asDouble()).isEqualTo(90.0);
        });
        assertThat(server.servedModelPath()).isEqualTo("/srv/v000002");
        assertThat(server.prefixCacheResets()).isEqualTo(1);
        assertThat(sync.reportsServing(V2)).as("vLLM cannot tell what it loaded").isFalse();
    }

    @Test
    void aServerWithoutDevModeIsAPermanentFailureThatSaysSo() throws Exception {
        try (FakeOpenAiServer plain = FakeOpenAiServer.start()) {
            assertLoadFails(sync(plain.baseUrl() + "/proxy", Duration.ofSeconds(5)), V2, false,
                    "POST " + plain.baseUrl() + "/proxy/collective_rpc", "HTTP 404", "VLLM_SERVER_DEV_MODE=1");
        }
    }

    @Test
    void aWorkerErrorIsRetryableAndResetsNothing() {
        server.enqueueReload(new ReloadFault.Fails("CUDA out of memory"));

        assertLoadFails(sync, V2, true, "HTTP 500", "CUDA out of memory");
        assertThat(server.prefixCacheResets()).isZero();
    }

    @Test
    void aModelNoLongerListedIsNotConfirmed() {
        server.listModels("something-else");

        assertLoadFails(sync, V2, true, "GET " + server.baseUrl() + "/v1/models: model 'policy' is not listed");
    }
}
