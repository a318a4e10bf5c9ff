package io.newsalerts.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of the emulator that answers the next N requests itself with an error, as an overloaded
 * AWS endpoint would (DynamoDB's ProvisionedThroughputExceededException, an HTTP 429), and forwards everything else.
 * The SDK clients under test talk to it over HTTP exactly as to AWS: nothing is mocked, only the network misbehaves.
 * (moto itself never throttles.)
 */
public final class FaultyProxy implements AutoCloseable {

    /** What an AWS endpoint answers when it refuses a request. */
    public record Fault(int status, String contentType, String body) {
        /** DynamoDB's throttle (AWS JSON 1.0 protocol), as DynamoDB sends it on an exceeded table or account limit. */
        public static final Fault DYNAMODB_THROTTLE = new Fault(400, "application/x-amz-json-1.0",
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                        + "\"message\":\"The level of configured provisioned throughput for the table was exceeded.\"}");
        /** SNS's throttle (AWS Query protocol): ThrottledException, code Throttled, HTTP 429. */
        public static final Fault SNS_THROTTLE = new Fault(429, "text/xml", snsError("Throttled", "Rate exceeded"));

        /** An SNS error whose message quotes what it was given, as InvalidParameter messages do. */
        public static Fault snsInvalidParameter(String message) {
            return new Fault(400, "text/xml", snsError("InvalidParameter", message));
        }

        private static String snsError(String code, String message) {
            return "<ErrorResponse xmlns=\"https://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type>"
                    + "<Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                    + "<RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>";
        }

        /** A rate limit expressed only in the status code, whatever the protocol. */
        public static final Fault TOO_MANY_REQUESTS = new Fault(429, "text/plain", "Rate exceeded");
    }

    private static final List<String> HOP_BY_HOP = List.of("host", "content-length", "connection", "transfer-encoding",
            "expect", "upgrade", "keep-alive");

    private final HttpServer server;
    private final URI target;
    private final AtomicInteger faultsLeft = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger faultsServed = new AtomicInteger();
    private volatile Fault fault = Fault.TOO_MANY_REQUESTS;

    private FaultyProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "faulty-proxy");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public static FaultyProxy in(URI target) {
        try {
            return new FaultyProxy(target);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the proxy", e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code n} requests get {@code fault}; later ones go through. */
    public void failNext(int n, Fault fault) {
        this.fault = fault;
        faultsLeft.set(n);
    }

    public int requests() {
        return requests.get();
    }

    public int faultsServed() {
        return faultsServed.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (faultsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                faultsServed.incrementAndGet();
                Fault f = fault;
                byte[] out = f.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", f.contentType());
                exchange.sendResponseHeaders(f.status(), out.length);
                exchange.getResponseBody().write(out);
                return;
            }
            forward(exchange, body);
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        URI uri = target.resolve(exchange.getRequestURI().toString());
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setRequestMethod(exchange.getRequestMethod());
        for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                h.getValue().forEach(v -> c.addRequestProperty(h.getKey(), v));
            }
        }
        if (body.length > 0) {
            c.setDoOutput(true);
            try (OutputStream o = c.getOutputStream()) {
                o.write(body);
            }
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        byte[] out = in == null ? new byte[0] : in.readAllBytes();
        c.getHeaderFields().forEach((k, v) -> {
            if (k != null && !HOP_BY_HOP.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                v.forEach(value -> exchange.getResponseHeaders().add(k, value));
            }
        });
        exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            exchange.getResponseBody().write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
