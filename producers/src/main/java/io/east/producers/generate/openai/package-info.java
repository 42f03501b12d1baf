/**
 * A {@link io.east.producers.generate.GenerationBackend} for any server that speaks the OpenAI HTTP API (vLLM,
 * SGLang, llama.cpp server, Ollama, OpenAI itself): {@code /v1/completions} or {@code /v1/chat/completions}, with
 * bounded concurrency and retries with backoff. It uses the JDK's {@code java.net.http} client and Jackson.
 */
package io.east.producers.generate.openai;
