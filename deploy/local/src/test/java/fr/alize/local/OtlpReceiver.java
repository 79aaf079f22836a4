package fr.alize.local;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in OpenTelemetry collector for the launched suite: it takes OTLP/HTTP trace exports ({@code POST
 * /v1/traces}, protobuf) and keeps, for each span, the fields a trace is checked on. It reads the protobuf wire format
 * itself (a few fields of ExportTraceServiceRequest), so that the test needs no generated classes.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One exported span. */
    record ExportedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {
        String kindName() {
            return switch (kind) {
                case 1 -> "internal";
                case 2 -> "server";
                case 3 -> "client";
                case 4 -> "producer";
                case 5 -> "consumer";
                default -> "unspecified";
            };
        }
    }

    private final HttpServer server;
    private final List<ExportedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OtlpReceiver receiver = new OtlpReceiver(server);
        server.createContext("/v1/traces", exchange -> {
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            try {
                receiver.spans.addAll(parseRequest(body));
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            }
            exchange.close();
        });
        server.start();
        return receiver;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ExportedSpan> spans() {
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // --- the protobuf wire format: (field number << 3 | wire type), then a varint, 8 or 4 bytes, or a length and bytes

    private record Field(int number, long varint, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static List<Field> fields(byte[] message) {
        List<Field> fields = new ArrayList<>();
        int[] at = {0};
        while (at[0] < message.length) {
            long tag = varint(message, at);
            int number = (int) (tag >>> 3);
            switch ((int) (tag & 7)) {
                case 0 -> fields.add(new Field(number, varint(message, at), null));
                case 1 -> at[0] += 8;
                case 5 -> at[0] += 4;
                case 2 -> {
                    int length = (int) varint(message, at);
                    byte[] bytes = java.util.Arrays.copyOfRange(message, at[0], at[0] + length);
                    at[0] += length;
                    fields.add(new Field(number, 0, bytes));
                }
                default -> throw new IllegalArgumentException("unsupported wire type in " + tag);
            }
        }
        return fields;
    }

    private static long varint(byte[] message, int[] at) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = message[at[0]++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    /** ExportTraceServiceRequest: 1 resource_spans; ResourceSpans: 1 resource, 2 scope_spans; ScopeSpans: 2 spans. */
    static List<ExportedSpan> parseRequest(byte[] request) {
        List<ExportedSpan> found = new ArrayList<>();
        for (Field resourceSpans : fields(request)) {
            if (resourceSpans.number() != 1) {
                continue;
            }
            String service = "?";
            List<byte[]> scopes = new ArrayList<>();
            for (Field f : fields(resourceSpans.bytes())) {
                if (f.number() == 1) {
                    service = serviceName(f.bytes(), service);
                } else if (f.number() == 2) {
                    scopes.add(f.bytes());
                }
            }
            for (byte[] scope : scopes) {
                for (Field span : fields(scope)) {
                    if (span.number() == 2) {
                        found.add(span(service, span.bytes()));
                    }
                }
            }
        }
        return found;
    }

    /** Resource: 1 attributes (KeyValue: 1 key, 2 value; AnyValue: 1 string_value). */
    private static String serviceName(byte[] resource, String otherwise) {
        for (Field attribute : fields(resource)) {
            if (attribute.number() != 1) {
                continue;
            }
            String key = null;
            String value = null;
            for (Field f : fields(attribute.bytes())) {
                if (f.number() == 1) {
                    key = f.text();
                } else if (f.number() == 2) {
                    for (Field any : fields(f.bytes())) {
                        if (any.number() == 1) {
                            value = any.text();
                        }
                    }
                }
            }
            if ("service.name".equals(key) && value != null) {
                return value;
            }
        }
        return otherwise;
    }

    /** Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind. */
    private static ExportedSpan span(String service, byte[] span) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        for (Field f : fields(span)) {
            switch (f.number()) {
                case 1 -> traceId = HexFormat.of().formatHex(f.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(f.bytes());
                case 4 -> parent = HexFormat.of().formatHex(f.bytes());
                case 5 -> name = f.text();
                case 6 -> kind = (int) f.varint();
                default -> {
                }
            }
        }
        return new ExportedSpan(service, traceId, spanId, parent, name, kind);
    }
}
