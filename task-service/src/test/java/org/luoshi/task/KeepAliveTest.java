package org.luoshi.task;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A request without a body (a GET: neither Content-Length nor Transfer-Encoding) leaves its connection open for the
 * next one, as HTTP/1.1 wants: the body limit's closing of a connection is for a chunked body it refused before reading
 * it to its end (ChunkedBodyLimitTest), not for every request whose length is not announced. Before, every GET was
 * answered with {@code Connection: close}, and every next request (the browser's, the benchmark's, another
 * service's) paid for a new connection.
 */
@QuarkusTest
class KeepAliveTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void twoGetsAreAnsweredOnOneConnectionWithoutClosingIt() throws IOException {
        String request = "GET /api/departments HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + KeycloakTokens.accessToken(DemoUsers.SUPERVISOR) + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", base.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 2; i++) {
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = readAnswer(in);
                assertThat(head, startsWith("HTTP/1.1 200"));
                assertThat(head.toLowerCase(Locale.ROOT), not(containsString("connection: close")));
            }
        }
    }

    @Test
    void anAnswerWithoutATokenKeepsTheConnectionToo() throws IOException {
        try (Socket socket = new Socket("localhost", base.getPort())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write("GET /api/departments HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String head = readAnswer(socket.getInputStream());
            assertThat(head, startsWith("HTTP/1.1 401"));
            assertThat(head.toLowerCase(Locale.ROOT), not(containsString("connection: close")));
        }
    }

    /** Reads one answer (head, then as many body bytes as its Content-Length says) and returns its head. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed before the answer's head ended: " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        long length = text.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).trim())).findFirst()
                .orElseThrow(() -> new IOException("no Content-Length in " + text));
        in.readNBytes((int) length);
        return text;
    }
}
