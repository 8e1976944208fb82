package io.github.usereventbus.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A PutEvents endpoint on loopback that acknowledges every entry at once, in the wire format of the
 * service ({@code application/x-amz-json-1.1}, one {@code EventId} per entry): the peer every publishing
 * benchmark sends to, so that what is measured is the client side.
 */
final class LoopbackPutEvents implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    LoopbackPutEvents(int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int entries = count(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            StringBuilder body = new StringBuilder("{\"FailedEntryCount\":0,\"Entries\":[");
            for (int i = 0; i < entries; i++) {
                body.append(i == 0 ? "" : ",").append("{\"EventId\":\"").append(UUID.randomUUID()).append("\"}");
            }
            byte[] bytes = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        executor = Executors.newFixedThreadPool(threads);
        server.setExecutor(executor);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static int count(String request) {
        int count = 0;
        for (int i = request.indexOf("\"Source\""); i >= 0; i = request.indexOf("\"Source\"", i + 1)) {
            count++;
        }
        return count;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
