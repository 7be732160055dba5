package dev.keelson.reference.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is replayed: status, the headers that describe the result ({@code Content-Type}, {@code Location},
 * {@code ETag}) and the body, as one byte string for sealing.
 */
record StoredResponse(int status, Map<String, String> headers, byte[] body) {
    StoredResponse {
        headers = Map.copyOf(headers);
    }

    byte[] encode() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 256);
                DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(status);
            out.writeShort(headers.size());
            for (Map.Entry<String, String> header : headers.entrySet()) {
                out.writeUTF(header.getKey());
                out.writeUTF(header.getValue());
            }
            out.writeInt(body.length);
            out.write(body);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StoredResponse decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int status = in.readUnsignedShort();
            int count = in.readUnsignedShort();
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                headers.put(in.readUTF(), in.readUTF());
            }
            return new StoredResponse(status, headers, in.readNBytes(in.readInt()));
        } catch (IOException e) {
            throw new UncheckedIOException("A stored response is damaged", e);
        }
    }
}
