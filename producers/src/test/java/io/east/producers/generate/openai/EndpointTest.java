package io.east.producers.generate.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void derivesTheApiUrlFromABaseUrlWithOrWithoutV1() {
        assertThat(Endpoint.resolve("http://localhost:8000", ApiMode.COMPLETIONS))
                .hasToString("http://localhost:8000/v1/completions");
        assertThat(Endpoint.resolve("http://localhost:8000/v1/", ApiMode.CHAT))
                .hasToString("http://localhost:8000/v1/chat/completions");
        assertThat(Endpoint.resolve("https://gw.example.com/openai", ApiMode.COMPLETIONS))
                .hasToString("https://gw.example.com/openai/v1/completions");
        assertThat(Endpoint.resolve("http://127.0.0.1:11434/v1", ApiMode.CHAT))
                .hasToString("http://127.0.0.1:11434/v1/chat/completions");
    }

    @Test
    void refusesWhatIsNotABaseUrl() {
        assertThatThrownBy(() -> Endpoint.resolve("localhost:8000", ApiMode.CHAT)).hasMessageContaining("http://");
        assertThatThrownBy(() -> Endpoint.resolve("ftp://host/", ApiMode.CHAT)).hasMessageContaining("http://");
        assertThatThrownBy(() -> Endpoint.resolve("http://", ApiMode.CHAT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Endpoint.resolve("http://h:1/v1/completions", ApiMode.COMPLETIONS))
                .hasMessageContaining("base URL");
        assertThatThrownBy(() -> Endpoint.resolve("http://h:1/v1?key=x", ApiMode.COMPLETIONS))
                .hasMessageContaining("query");
        assertThatThrownBy(() -> Endpoint.resolve("http://bad host/", ApiMode.COMPLETIONS))
                .hasMessageContaining("not a URL");
        assertThatThrownBy(() -> Endpoint.resolve(" ", ApiMode.COMPLETIONS)).hasMessageContaining("empty");
    }

    @Test
    void adminRoutesLiveAtTheServersRootNotUnderV1() {
        assertThat(Endpoint.root("http://host:8000/v1")).hasToString("http://host:8000");
        assertThat(Endpoint.root("http://host:8000/")).hasToString("http://host:8000");
        assertThat(Endpoint.admin("http://host/proxy/v1/", "get_model_info"))
                .hasToString("http://host/proxy/get_model_info");
        assertThat(Endpoint.admin("https://host:30000", "update_weights_from_disk"))
                .hasToString("https://host:30000/update_weights_from_disk");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutRepeatingThem() {
        assertThatThrownBy(() -> Endpoint.resolve("http://user:hunter2@host:8000", ApiMode.CHAT))
                .hasMessageContaining("credentials")
                .message().doesNotContain("hunter2");
    }

    @Test
    void apiKeysComeFromTheEnvironmentAndStayHidden() {
        ApiKey key = ApiKey.fromEnvironment("MY_KEY", Map.of("MY_KEY", " sk-abc \n"));
        assertThat(key.present()).isTrue();
        assertThat(key.authorization()).contains("Bearer sk-abc");
        assertThat(key).hasToString("ApiKey[$MY_KEY, set]");
        assertThat(ApiKey.fromEnvironment("MY_KEY", Map.of()).present()).isFalse();
        assertThat(ApiKey.fromEnvironment("MY_KEY", Map.of("MY_KEY", "  ")).authorization()).isEmpty();
        assertThatThrownBy(() -> ApiKey.fromEnvironment("not a name", Map.of()))
                .hasMessageContaining("environment variable name");
    }

    @Test
    void modesParse() {
        assertThat(ApiMode.parse("chat")).isEqualTo(ApiMode.CHAT);
        assertThat(ApiMode.parse("Completions")).isEqualTo(ApiMode.COMPLETIONS);
        assertThatThrownBy(() -> ApiMode.parse("embeddings")).hasMessageContaining("completions or chat");
    }
}
