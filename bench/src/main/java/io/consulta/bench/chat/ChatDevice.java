package io.consulta.bench.chat;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One connected device of one user: a WebSocket (RFC 6455) on /ws/chat with the token in the Authorization header,
 * spoken directly over a {@link SocketChannel}. The load generator shares two cores with what it measures, so it does
 * the least per message: the sending thread writes the frame itself (one system call, no hand-over to another thread,
 * nothing queued), and one {@link ChatReader} thread reads all devices. Every complete text message goes to
 * {@code onFrame}; pings are answered; a close the bench did not ask for, a dropped connection or a protocol surprise
 * goes to {@code onProblem}, because a run that lost a device measures nothing.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class ChatDevice {

    private static final int TEXT = 0x1, CONTINUATION = 0x0, CLOSE = 0x8, PING = 0x9, PONG = 0xA;
    /** The server's largest message (quarkus.websockets-next.server.max-message-size) plus a frame header. */
    private static final int MAX_FRAME = 65_536 + 14;

    final String name;
    final SocketChannel channel;
    private final Consumer<String> onFrame;
    private final Consumer<String> onProblem;
    private final ByteBuffer in = ByteBuffer.allocate(MAX_FRAME);
    private final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
    private ByteBuffer out = ByteBuffer.allocate(512);
    private volatile boolean closing;

    /** Opens the socket and completes the upgrade (blocking), then leaves reading to {@code reader}. */
    static ChatDevice connect(ChatReader reader, URI uri, String name, String token, Consumer<String> onFrame,
            Consumer<String> onProblem) throws Exception {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
        channel.socket().setTcpNoDelay(true);
        ChatDevice device = new ChatDevice(name, channel, onFrame, onProblem);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        device.writeFully(ByteBuffer.wrap(("GET " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                + uri.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII)));
        String response = device.readHandshakeResponse();
        String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
        if (!response.startsWith("HTTP/1.1 101") || !response.toLowerCase().contains(accept.toLowerCase())) {
            channel.close();
            throw new IOException(name + ": WebSocket upgrade refused: " + response.lines().findFirst().orElse(""));
        }
        channel.configureBlocking(false);
        device.consume(); // the server may have sent frames right behind its response
        reader.register(device);
        return device;
    }

    /** Sends one text frame from the caller's thread, in order with any other frame of this device. */
    void send(String text) {
        try {
            write(TEXT, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            problem("send failed: " + e);
        }
    }

    void close() {
        closing = true;
        try {
            byte[] reason = "\u0003\u00e8bench done".getBytes(StandardCharsets.ISO_8859_1); // 1000, then the reason
            write(CLOSE, reason);
            channel.close();
        } catch (IOException ignored) {
            // the stack is torn down next anyway
        }
    }

    /** Called by the reader thread when the socket has data: hands over every complete frame. */
    void readable() {
        try {
            if (channel.read(in) < 0) {
                problem("connection ended without a close frame");
                channel.close();
                return;
            }
            consume();
        } catch (IOException | RuntimeException e) {
            problem("socket error: " + e);
            try {
                channel.close();
            } catch (IOException ignored) {
                // already reported
            }
        }
    }

    private void consume() throws IOException {
        in.flip();
        while (frame()) {
            // each call consumed one complete frame
        }
        in.compact();
    }

    /** Consumes one complete frame from {@code in} (server frames are unmasked); false when more bytes are needed. */
    private boolean frame() throws IOException {
        int start = in.position();
        if (in.remaining() < 2) {
            return false;
        }
        int first = in.get(start) & 0xFF;
        int second = in.get(start + 1) & 0xFF;
        int header = 2;
        long length = second & 0x7F;
        if (length == 126) {
            header = 4;
            length = in.remaining() < header ? -1 : in.getShort(start + 2) & 0xFFFF;
        } else if (length == 127) {
            header = 10;
            length = in.remaining() < header ? -1 : in.getLong(start + 2);
        }
        if ((second & 0x80) != 0 || length > MAX_FRAME - 14) {
            throw new IOException("unexpected frame from the server: masked or " + length + " bytes");
        }
        if (length < 0 || in.remaining() < header + length) {
            return false;
        }
        int payload = start + header;
        int size = (int) length;
        in.position(payload + size);
        boolean fin = (first & 0x80) != 0;
        switch (first & 0x0F) {
            case TEXT, CONTINUATION -> text(payload, size, fin);
            case PING -> write(PONG, copy(payload, size));
            case PONG -> { }
            case CLOSE -> {
                closeReceived(payload, size);
                return false;
            }
            default -> problem("unexpected frame opcode " + (first & 0x0F));
        }
        return true;
    }

    private void text(int payload, int size, boolean fin) {
        if (fin && fragments.size() == 0) {
            onFrame.accept(new String(in.array(), payload, size, StandardCharsets.UTF_8));
        } else {
            fragments.write(in.array(), payload, size); // a character may be split between fragments
            if (fin) {
                onFrame.accept(fragments.toString(StandardCharsets.UTF_8));
                fragments.reset();
            }
        }
    }

    private void closeReceived(int payload, int size) throws IOException {
        String status = size < 2 ? "no code" : (in.getShort(payload) & 0xFFFF) + " \""
                + new String(in.array(), payload + 2, size - 2, StandardCharsets.UTF_8) + "\"";
        problem("closed by the server: " + status);
        if (!closing) {
            write(CLOSE, copy(payload, Math.min(size, 2)));
        }
        channel.close();
    }

    /** A client frame: FIN, opcode, the masked length and payload (RFC 6455 5.2), written whole. */
    private synchronized void write(int opcode, byte[] payload) throws IOException {
        int length = payload.length;
        if (out.capacity() < length + 14) {
            out = ByteBuffer.allocate(length + 14);
        }
        out.clear();
        out.put((byte) (0x80 | opcode));
        if (length < 126) {
            out.put((byte) (0x80 | length));
        } else if (length < 65_536) {
            out.put((byte) (0x80 | 126)).putShort((short) length);
        } else {
            out.put((byte) (0x80 | 127)).putLong(length);
        }
        int mask = ThreadLocalRandom.current().nextInt();
        out.putInt(mask);
        for (int i = 0; i < length; i++) {
            out.put((byte) (payload[i] ^ (mask >>> (24 - 8 * (i & 3)))));
        }
        out.flip();
        writeFully(out);
    }

    /** The socket is non-blocking once registered; a full send buffer (the server not reading) is waited out. */
    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.write(buffer) == 0) {
                LockSupport.parkNanos(50_000);
            }
        }
    }

    private String readHandshakeResponse() throws IOException {
        while (true) {
            if (channel.read(in) < 0) {
                throw new IOException(name + ": connection closed during the WebSocket upgrade");
            }
            String received = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
            int end = received.indexOf("\r\n\r\n");
            if (end >= 0) {
                // bytes after the response are the first frames: keep them at the start of the buffer
                in.flip().position(end + 4);
                in.compact();
                return received.substring(0, end);
            }
        }
    }

    private byte[] copy(int from, int size) {
        byte[] bytes = new byte[size];
        in.get(from, bytes);
        return bytes;
    }

    private void problem(String what) {
        if (!closing) {
            onProblem.accept(name + ": " + what);
        }
    }
}
