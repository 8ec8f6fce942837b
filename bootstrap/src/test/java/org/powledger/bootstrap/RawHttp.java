package org.powledger.bootstrap;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A deliberately naive HTTP/1.1 client over a plain socket: it sends exactly the bytes it is given
 * (request lines, paths, headers and bodies that {@code java.net.http.HttpClient} refuses to send)
 * and reads back one response. The body is written on its own thread, so that a server answering
 * early (413 on a body it will not read) is heard instead of lost in a reset.
 */
final class RawHttp implements AutoCloseable {

    /** One answer; {@code status} is -1 when the server closed the connection without one. */
    record Response(int status, Map<String, String> headers, byte[] body, String failure) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int TIMEOUT_MILLIS = 20_000;

    private final int port;
    private final ExecutorService writers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-http-writer");
        t.setDaemon(true);
        return t;
    });

    RawHttp(int port) {
        this.port = port;
    }

    /** Sends {@code head} (request line and headers, already terminated by an empty line) and {@code body}. */
    Response send(byte[] head, byte[] body, boolean chunked) {
        return send(head, body, chunked, false);
    }

    /** As above; {@code halfClose} ends the sending side after the request, for requests the server would wait on. */
    Response send(byte[] head, byte[] body, boolean chunked, boolean halfClose) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            Future<?> writing = writers.submit(() -> {
                try {
                    out.write(head);
                    if (chunked) {
                        writeChunked(out, body);
                    } else if (body != null) {
                        out.write(body);
                    }
                    out.flush();
                    if (halfClose) {
                        socket.shutdownOutput();
                    }
                } catch (IOException ignored) {
                    // The server may stop reading and answer early: what it answers is what counts.
                }
                return null;
            });
            Response response = read(new BufferedInputStream(socket.getInputStream()));
            writing.cancel(true);
            return response;
        } catch (SocketTimeoutException e) {
            return new Response(-1, Map.of(), new byte[0], "no answer within " + TIMEOUT_MILLIS + " ms");
        } catch (IOException e) {
            return new Response(-1, Map.of(), new byte[0], "connection failed: " + e);
        }
    }

    /**
     * Sends {@code request} exactly as given, ends the sending side, and reads every answer the server
     * gives on that connection until it closes it: one request that yields two answers smuggled a second.
     */
    List<Response> sendAll(byte[] request) {
        List<Response> answers = new ArrayList<>();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (Response answer = read(in); answer.status() >= 0; answer = read(in)) {
                answers.add(answer);
            }
        } catch (IOException e) {
            // A reset after the last answer ends the conversation as a close does.
        }
        return answers;
    }

    private static void writeChunked(OutputStream out, byte[] body) throws IOException {
        int chunk = 16 * 1024;
        for (int at = 0; at < body.length; at += chunk) {
            int n = Math.min(chunk, body.length - at);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Response read(InputStream in) throws IOException {
        while (true) {
            String statusLine = line(in);
            if (statusLine == null) {
                return new Response(-1, Map.of(), new byte[0], "closed without an answer");
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                return new Response(-1, Map.of(), new byte[0], "not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    headers.merge(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            header.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
                }
            }
            if (status >= 100 && status < 200) {
                continue;
            }
            byte[] body;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = readChunked(in);
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else if (status == 204 || status == 304) {
                body = new byte[0];
            } else {
                body = in.readAllBytes();
            }
            return new Response(status, headers, body, null);
        }
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                return body.toByteArray();
            }
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            if (n == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not looked at
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            line(in);
        }
    }

    /** One CRLF-terminated line as ISO-8859-1, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    /** A request head: request line, then each header as given (name and value written as UTF-8, unchecked). */
    static byte[] head(String requestLine, List<String[]> headers) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\n");
        for (String[] header : headers) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<String[]> headers() {
        return new ArrayList<>();
    }

    @Override
    public void close() {
        writers.shutdownNow();
        try {
            writers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
