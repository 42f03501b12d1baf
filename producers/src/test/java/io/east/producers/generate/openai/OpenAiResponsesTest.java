package io.east.producers.generate.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.east.producers.generate.Generation;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiResponsesTest {

    @Test
    void completionLogprobsSkipNullsAndChoicesFollowTheirIndex() throws Exception {
        String body = """
                {"choices":[
                  {"index":1,"text":" b","logprobs":{"tokens":["x","y","z"],"token_logprobs":[null,-1.0,-3.0]}},
                  {"index":0,"text":" a","logprobs":{"tokens":["x"],"token_logprobs":[-0.25]}}
                ],"usage":{"completion_tokens":4}}""";
        List<Generation> generations = OpenAiResponses.generations(body, ApiMode.COMPLETIONS, 3);

        assertThat(generations).extracting(Generation::text).containsExactly(" a", " b");
        assertThat(generations.get(0).meanLogprob()).isEqualTo(-0.25);
        assertThat(generations.get(1).meanLogprob()).isEqualTo(-2.0);
        assertThat(generations).extracting(Generation::tokenCount).containsExactly(1, 3);
        assertThat(generations).extracting(Generation::policyVersion).containsOnly(3L);
    }

    @Test
    void chatNullContentIsAnEmptyResponseAndMissingLogprobsGiveNull() throws Exception {
        String body = """
                {"choices":[{"index":0,"message":{"role":"assistant","content":null},"logprobs":null}],
                 "usage":{"completion_tokens":0}}""";
        Generation generation = OpenAiResponses.generations(body, ApiMode.CHAT, 0).get(0);
        assertThat(generation.text()).isEmpty();
        assertThat(generation.meanLogprob()).isNull();
        assertThat(generation.tokenCount()).isZero();
    }

    @Test
    void chatLogprobsAverageTheContentEntries() throws Exception {
        String body = """
                {"choices":[{"index":0,"message":{"content":"4"},
                  "logprobs":{"content":[{"token":"4","logprob":-0.1},{"token":"<eos>","logprob":-0.3}]}}]}""";
        Generation generation = OpenAiResponses.generations(body, ApiMode.CHAT, 0).get(0);
        assertThat(generation.meanLogprob()).isCloseTo(-0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(generation.tokenCount()).isEqualTo(2);
    }

    @Test
    void brokenBodiesAreInvalidResponses() {
        assertThatThrownBy(() -> OpenAiResponses.generations("{\"choices\":[{\"text\":\"ab", ApiMode.COMPLETIONS, 0))
                .isInstanceOf(InvalidResponseException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> OpenAiResponses.generations("{\"choices\":[]}", ApiMode.COMPLETIONS, 0))
                .isInstanceOf(InvalidResponseException.class).hasMessageContaining("no choices");
        assertThatThrownBy(() -> OpenAiResponses.generations("[1]", ApiMode.COMPLETIONS, 0))
                .isInstanceOf(InvalidResponseException.class);
        assertThatThrownBy(() -> OpenAiResponses.generations("{\"choices\":[{\"index\":0}]}", ApiMode.COMPLETIONS, 0))
                .isInstanceOf(InvalidResponseException.class).hasMessageContaining("no text");
        assertThatThrownBy(() -> OpenAiResponses.generations("{\"choices\":[{\"index\":0}]}", ApiMode.CHAT, 0))
                .isInstanceOf(InvalidResponseException.class).hasMessageContaining("no message");
    }
}
