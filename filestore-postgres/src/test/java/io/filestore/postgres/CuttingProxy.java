package io.filestore.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy in front of PostgreSQL that, once {@link #arm armed}, lets the next {@code COMMIT} through
 * to the server and then cuts that connection before the server's answer reaches the client: the
 * transaction committed, and the client cannot know.
 */
final class CuttingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final AtomicBoolean armed = new AtomicBoolean();

    CuttingProxy(int target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0);
        Thread acceptor = new Thread(this::accept, "cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** No server-side prepared statements, so every {@code COMMIT} travels as text the proxy can see. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/postgres?prepareThreshold=0";
    }

    void arm() {
        armed.set(true);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket("127.0.0.1", target);
                AtomicBoolean cutOnAnswer = new AtomicBoolean();
                pump(client, upstream, cutOnAnswer, true);
                pump(upstream, client, cutOnAnswer, false);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicBoolean cutOnAnswer, boolean toServer) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[65_536];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                    if (!toServer && cutOnAnswer.get()) {
                        from.close();
                        to.close();
                        return;
                    }
                    if (toServer && new String(buffer, 0, read, StandardCharsets.ISO_8859_1).contains("COMMIT")
                            && armed.compareAndSet(true, false)) {
                        cutOnAnswer.set(true);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "cutting-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
