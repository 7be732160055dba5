package dev.keelson.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in PostgreSQL server for {@link AotTraining} only: it speaks the start-up of the PostgreSQL wire protocol
 * (trust authentication, the parameters the JDBC driver checks) and answers every query with an error. A training
 * run against it loads and profiles the driver's connect and query paths, most of what {@code db status} against a
 * real PostgreSQL uses, on machines that have no server at build time.
 */
final class PostgresStandIn implements AutoCloseable {
    private static final String[][] PARAMETERS = {
        {"server_version", "17.0"},
        {"server_encoding", "UTF8"},
        {"client_encoding", "UTF8"},
        {"DateStyle", "ISO, MDY"},
        {"integer_datetimes", "on"},
        {"standard_conforming_strings", "on"},
        {"TimeZone", "UTC"}
    };

    private final ServerSocket socket;

    PostgresStandIn() throws IOException {
        socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("postgres-stand-in").start(this::accept);
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/training?sslmode=disable";
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                serve(client);
            } catch (IOException e) {
                // the client hung up, or close() ended the accept: the loop condition tells which
            }
        }
    }

    private static void serve(Socket client) throws IOException {
        var in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
        var out = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()));
        in.skipNBytes(in.readInt() - 4L); // the start-up message
        send(out, 'R', new byte[4]); // AuthenticationOk
        for (String[] parameter : PARAMETERS) {
            send(out, 'S', strings(parameter));
        }
        send(out, 'K', new byte[8]); // BackendKeyData
        send(out, 'Z', new byte[] {'I'}); // ReadyForQuery
        out.flush();
        for (int type = in.read(); type >= 0 && type != 'X'; type = in.read()) {
            in.skipNBytes(in.readInt() - 4L);
            if (type == 'S' || type == 'Q') { // Sync or a simple query: fail it
                send(out, 'E', strings("SERROR", "VERROR", "C42P01", "Mtraining stand-in: no such relation", ""));
                send(out, 'Z', new byte[] {'I'});
                out.flush();
            }
        }
    }

    private static byte[] strings(String... values) {
        var bytes = new ByteArrayOutputStream();
        for (String value : values) {
            bytes.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
        }
        return bytes.toByteArray();
    }

    private static void send(DataOutputStream out, char type, byte[] body) throws IOException {
        out.write(type);
        out.writeInt(body.length + 4);
        out.write(body);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
