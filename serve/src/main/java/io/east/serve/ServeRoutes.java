package io.east.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.east.metrics.http.LoopbackHostGuard;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every route of the server, on one handler. Errors are OpenAI's {@code {"error": {...}}} with the field at fault,
 * except on the reload route, which answers SGLang's {@code {"success": false, "message": ...}}.
 */
final class ServeRoutes implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ServeRoutes.class);

    /** A path, the one method it takes, and its name in the metrics. */
    private record Route(String method, String name) {
    }

    private static final Map<String, Route> ROUTES = Map.of(
            "/v1/completions", new Route("POST", "completions"),
            "/v1/chat/completions", new Route("POST", "chat_completions"),
            "/v1/models", new Route("GET", "models"),
            "/health", new Route("GET", "health"),
            "/get_model_info", new Route("GET", "get_model_info"),
            "/get_weight_version", new Route("GET", "get_weight_version"),
            "/update_weights_from_disk", new Route("POST", "update_weights_from_disk"));

    private final ServeSettings settings;
    private final SamplingLoop loop;
    private final SamplingRequests requests;
    private final WeightReloader reloader;
    private final ServeMeters meters;
    private final LoopbackHostGuard hosts;
    private final Semaphore inFlight;
    private final long started = Instant.now().getEpochSecond();

    ServeRoutes(ServeSettings settings, SamplingLoop loop, WeightReloader reloader, ServeMeters meters,
            LoopbackHostGuard hosts) {
        this.settings = settings;
        this.loop = loop;
        this.requests = new SamplingRequests(settings.servedModelName(), settings.maxChoices());
        this.reloader = reloader;
        this.meters = meters;
        this.hosts = hosts;
        this.inFlight = new Semaphore(settings.maxConcurrentRequests());
    }

    @Override
    public void handle(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        Route route = ROUTES.get(path);
        String name = route == null ? "unknown" : route.name();
        int status;
        try {
            status = answer(exchange, path, route);
        } catch (ApiError e) {
            status = e.status();
            LOG.atDebug().addKeyValue("route", name).addKeyValue("status", status).addKeyValue("param", e.param())
                    .addKeyValue("message", e.getMessage()).log("request refused");
            send(exchange, status, route != null && route.name().equals("update_weights_from_disk")
                    ? ResponseBodies.reload(false, e.getMessage()) : ResponseBodies.error(e));
        } catch (RuntimeException e) {
            status = 500;
            LOG.atWarn().addKeyValue("route", name).setCause(e).log("request failed");
            send(exchange, status, ResponseBodies.error(ApiError.internal("internal error: " + e)));
        } finally {
            exchange.close();
        }
        meters.request(name, status);
    }

    /** @return the status sent */
    private int answer(HttpExchange exchange, String path, Route route) throws ApiError {
        String method = exchange.getRequestMethod();
        if (!hosts.allows(exchange.getRequestHeaders().getFirst("Host"))) {
            throw ApiError.forbiddenHost(exchange.getRequestHeaders().getFirst("Host"));
        }
        if (route == null) {
            throw ApiError.routeNotFound(method, path);
        }
        if (!route.method().equals(method)) {
            exchange.getResponseHeaders().set("Allow", route.method());
            throw ApiError.methodNotAllowed(method, path, route.method());
        }
        ModelInfo served = loop.info();
        return switch (route.name()) {
            case "completions" -> sample(exchange, body -> requests.completions(body, served));
            case "chat_completions" -> sample(exchange, body -> requests.chat(body, served));
            case "models" -> send(exchange, 200, ResponseBodies.models(settings.servedModelName(), started, served));
            case "health" -> loop.running() ? send(exchange, 200, ResponseBodies.health(served))
                    : send(exchange, 503, ResponseBodies.error(ApiError.stopping()));
            case "get_model_info" -> send(exchange, 200, ResponseBodies.modelInfo(served));
            case "get_weight_version" -> send(exchange, 200, ResponseBodies.weightVersion(served));
            case "update_weights_from_disk" -> {
                WeightReloader.Outcome outcome = reloader.reload(body(exchange));
                yield send(exchange, outcome.status(), ResponseBodies.reload(outcome.success(), outcome.message()));
            }
            default -> throw new IllegalStateException("unrouted " + route);
        };
    }

    @FunctionalInterface
    private interface Parser {
        SamplingRequest parse(JsonNode body) throws ApiError;
    }

    private int sample(HttpExchange exchange, Parser parser) throws ApiError {
        SamplingRequest request = parser.parse(body(exchange));
        if (!inFlight.tryAcquire()) {
            throw ApiError.busy(settings.maxConcurrentRequests());
        }
        SamplingResult result;
        try {
            result = loop.submit(request).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiError error) {
                throw error;
            }
            throw ApiError.internal("sampling failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.stopping();
        } finally {
            inFlight.release();
        }
        meters.answered(result);
        String id = request.api().idPrefix() + UUID.randomUUID().toString().replace("-", "");
        return send(exchange, 200, ResponseBodies.sampled(request, result, id, Instant.now().getEpochSecond(),
                settings.servedModelName()));
    }

    private JsonNode body(HttpExchange exchange) throws ApiError {
        try {
            return Exchanges.jsonObject(exchange, settings.maxBodyBytes());
        } catch (IOException e) {
            throw ApiError.invalid(null, "the body could not be read: " + e.getMessage());
        }
    }

    /** @return {@code status}; a client that hung up is not an error of ours */
    private static int send(HttpExchange exchange, int status, JsonNode body) {
        try {
            Exchanges.sendJson(exchange, status, body);
        } catch (IOException e) {
            LOG.atDebug().addKeyValue("error", e.toString()).log("response not delivered");
        }
        return status;
    }
}
