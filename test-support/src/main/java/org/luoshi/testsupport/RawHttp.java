package org.luoshi.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * Speaks HTTP/1.1 over a plain socket, for what an HTTP client library will not do: announce a body and then
 * send only its first bytes, as a client does whose upload the server refuses before reading it.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /**
     * The raw answer to a request whose body is sent chunked (no Content-Length), {@code chunks} chunks of
     * {@code chunkSize} bytes of {@code fill}, stopping early when the server stops reading.
     */
    public static String chunked(int port, String head, int chunks, int chunkSize, byte fill) throws IOException {
        return chunked(port, head, new byte[0], chunks, chunkSize, fill);
    }

    /**
     * The raw answer to a request whose body is sent chunked (no Content-Length): {@code start} as the first chunk
     * (none if empty), then {@code chunks} chunks of {@code chunkSize} bytes of {@code fill}, stopping early when the
     * server stops reading.
     */
    public static String chunked(int port, String head, byte[] start, int chunks, int chunkSize, byte fill) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            out.write("Transfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[chunkSize];
            java.util.Arrays.fill(chunk, fill);
            byte[] size = (Integer.toHexString(chunkSize) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                if (start.length > 0) {
                    out.write((Integer.toHexString(start.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(start);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                for (int i = 0; i < chunks; i++) {
                    out.write(size);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (SocketException stopped) {
                // the server answered and closed before the body was through
            }
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0;) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // the server may reset the connection after answering; what came before is the answer
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** The raw answer (head and body) to a request whose head is sent with the first bytes of its body. */
    public static String exchange(int port, String head, byte[] bodyStart) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(bodyStart);
            out.flush();
            return readAll(socket.getInputStream());
        }
    }
}
