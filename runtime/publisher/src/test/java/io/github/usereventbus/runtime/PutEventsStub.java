package io.github.usereventbus.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An HTTP endpoint that answers PutEvents in EventBridge's real wire format (AWS JSON 1.1: request
 * {@code {"Entries":[...]}}, response {@code {"FailedEntryCount":n,"Entries":[...]}}, errors as
 * {@code {"__type":...,"message":...}} with an HTTP status), so the real SDK client talks to it. Used
 * only for faults no emulator produces on demand: partial failures, throttling, 5xx, resets, timeouts.
 */
final class PutEventsStub implements AutoCloseable {

    /** What to do with one request: given the request number (from 1) and its entries. */
    interface Script {
        Reply reply(int request, List<JsonNode> entries);
    }

    /** A reply: a status and body, a dropped connection, or a delay before answering. */
    record Reply(int status, String body, boolean dropped, long delayMillis) {
        static Reply ok(String body) {
            return new Reply(200, body, false, 0);
        }

        static Reply error(int status, String type, String message) {
            return new Reply(status, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}", false, 0);
        }

        static Reply drop() {
            return new Reply(0, "", true, 0);
        }

        Reply delayed(long millis) {
            return new Reply(status, body, dropped, millis);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Script script;
    private final List<List<JsonNode>> requests = Collections.synchronizedList(new ArrayList<>());
    /** Every entry the stub acknowledged, as (EventId, Detail). */
    final ConcurrentLinkedQueue<String[]> acknowledged = new ConcurrentLinkedQueue<>();

    PutEventsStub(Script script) throws IOException {
        this.script = script;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<List<JsonNode>> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Acknowledges every entry. */
    static String allAcknowledged(List<JsonNode> entries, PutEventsStub stub) {
        return respond(entries, i -> null, stub);
    }

    /** A response whose entry i fails with {@code codeOf.apply(i)}, or is acknowledged if that is null. */
    static String respond(List<JsonNode> entries, Function<Integer, String> codeOf, PutEventsStub stub) {
        ObjectNode response = JSON.createObjectNode();
        ArrayNode out = response.putArray("Entries");
        int failed = 0;
        for (int i = 0; i < entries.size(); i++) {
            String code = codeOf.apply(i);
            ObjectNode entry = out.addObject();
            if (code == null) {
                String id = UUID.randomUUID().toString();
                entry.put("EventId", id);
                stub.acknowledged.add(new String[] {id, entries.get(i).path("Detail").asText()});
            } else {
                entry.put("ErrorCode", code);
                entry.put("ErrorMessage", code + " for this entry");
                failed++;
            }
        }
        response.put("FailedEntryCount", failed);
        return response.toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        List<JsonNode> entries = new ArrayList<>();
        request.path("Entries").forEach(entries::add);
        int number;
        synchronized (requests) {
            requests.add(entries);
            number = requests.size();
        }
        Reply reply = script.reply(number, entries);
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (reply.dropped()) {
            exchange.close();
            return;
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
