package io.consulta.bench;

import javax.net.ssl.SSLSession;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A load client's HTTP/1.1 connection for requests without a body: one kept-alive blocking socket, written and read
 * by the client's own (virtual) thread. The JDK's {@link HttpClient} hands every exchange to its selector thread and
 * back, with dozens of objects per request; under the embedded reads it took 15% of the 2-core machine that the
 * measured services then lacked (bench/README, issue 18). A load generator on its own machine would not take that
 * CPU from the services, so this one should take as little as it can.
 */
final class PlainHttp implements AutoCloseable {

    private final InetSocketAddress address;
    private final String hostHeader;
    private final Duration timeout;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    PlainHttp(URI base, Duration timeout) {
        int port = base.getPort() > 0 ? base.getPort() : 80;
        this.address = new InetSocketAddress(base.getHost(), port);
        this.hostHeader = base.getHost() + ":" + port;
        this.timeout = timeout;
    }

    /** Whether this connection can send the request: plain http, no body. */
    static boolean handles(HttpRequest request) {
        return "http".equals(request.uri().getScheme())
                && request.bodyPublisher().map(body -> body.contentLength() == 0).orElse(true);
    }

    /**
     * Sends the request and reads the whole answer. A kept-alive connection the server closed meanwhile fails on its
     * first use; the request then goes once more over a new one (only bodiless requests come here).
     */
    HttpResponse<String> send(HttpRequest request) throws IOException {
        boolean fresh = socket == null;
        try {
            return exchange(request);
        } catch (IOException e) {
            close();
            if (fresh) {
                throw e;
            }
            return exchange(request);
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(head(request));
        out.flush();
        Response response = Response.read(in);
        if (response.closes()) {
            close();
        }
        return new Answer(request, response);
    }

    private void connect() throws IOException {
        Socket opened = new Socket();
        opened.setTcpNoDelay(true);
        opened.connect(address, 5_000);
        opened.setSoTimeout((int) timeout.toMillis());
        socket = opened;
        in = new BufferedInputStream(opened.getInputStream(), 65_536);
        out = opened.getOutputStream();
    }

    private byte[] head(HttpRequest request) {
        URI uri = request.uri();
        StringBuilder head = new StringBuilder(256).append(request.method()).append(' ')
                .append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
        request.headers().map().forEach((name, values) -> values.forEach(value ->
                head.append(name).append(": ").append(value).append("\r\n")));
        if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            head.append("Content-Length: 0\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection nobody uses any more
            }
        }
        socket = null;
        in = null;
        out = null;
    }

    /** Status, headers (names in lower case) and body of one response. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        boolean closes() {
            return headers.getOrDefault("connection", List.of()).stream().anyMatch(v -> v.equalsIgnoreCase("close"));
        }

        static Response read(InputStream in) throws IOException {
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.1 status line: " + abbreviate(statusLine));
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            name -> new ArrayList<>()).add(header.substring(colon + 1).trim());
                }
            }
            return new Response(status, headers, body(in, headers));
        }

        private static byte[] body(InputStream in, Map<String, List<String>> headers) throws IOException {
            List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
            if (encoding.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
                for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used by the services; read past them
                }
                return body.toByteArray();
            }
            List<String> length = headers.get("content-length");
            if (length == null) {
                return in.readAllBytes(); // the server closes the connection after the body
            }
            int size = Integer.parseInt(length.getFirst());
            byte[] body = in.readNBytes(size);
            if (body.length < size) {
                throw new EOFException("connection closed after " + body.length + " of " + size + " bytes");
            }
            return body;
        }

        private static int chunkSize(String line) {
            int extension = line.indexOf(';');
            return Integer.parseInt((extension >= 0 ? line.substring(0, extension) : line).trim(), 16);
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed by the server");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
                if (line.length() > 16_384) {
                    throw new IOException("header line longer than 16 KB");
                }
            }
            return line.toString();
        }

        private static String abbreviate(String text) {
            return text.length() <= 80 ? text : text.substring(0, 80) + "…";
        }
    }

    /** The answer as the JDK client's type, so sessions read it the same way whichever connection sent it. */
    private record Answer(HttpRequest request, Response response) implements HttpResponse<String> {

        @Override
        public int statusCode() {
            return response.status();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(response.headers(), (name, value) -> true);
        }

        @Override
        public String body() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
