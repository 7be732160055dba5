package dev.keelson.load.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads a scenario's CSV feed (RFC 4180: a header row, comma-separated fields, double quotes around fields that
 * hold commas, quotes or line breaks, {@code ""} for a quote) with Jackson's CSV module, in UTF-8 with or without a
 * byte-order mark. Blank lines are skipped; every error names its line or row.
 */
final class CsvFeed {
    /** Each record as the array of its fields; the header is checked here, so rows of the wrong width are named. */
    private static final ObjectReader RECORDS =
            CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build().readerFor(String[].class);

    private CsvFeed() {}

    /** Rows of a file's bytes, which must be UTF-8; throws {@link IllegalArgumentException} naming the bad line. */
    static List<Map<String, String>> parse(byte[] bytes) {
        return parse(utf8(bytes));
    }

    /** Rows as column name to value; throws {@link IllegalArgumentException} naming the bad line. */
    static List<Map<String, String>> parse(String text) {
        List<String[]> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.isEmpty()) throw new IllegalArgumentException("the file is empty; it needs a header row");
        String[] header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            String[] fields = records.get(i);
            if (fields.length == 1 && fields[0].isEmpty()) continue;
            if (fields.length != header.length) {
                throw new IllegalArgumentException(
                        "row " + (i + 1) + " has " + fields.length + " fields, the header " + header.length);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) row.put(header[c].trim(), fields[c]);
            rows.add(row);
        }
        return rows;
    }

    private static List<String[]> records(String text) {
        List<String[]> records = new ArrayList<>();
        try (MappingIterator<String[]> it = RECORDS.readValues(text)) {
            while (it.hasNextValue()) records.add(it.nextValue());
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ": ";
            throw new IllegalArgumentException(where + e.getOriginalMessage(), e);
        }
        return records;
    }

    /** The bytes as UTF-8 text; a byte sequence that is not UTF-8 is reported with its line. */
    private static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) if (bytes[i] == '\n') line++;
            throw new IllegalArgumentException(String.format(
                    "line %d is not UTF-8 (byte 0x%02x at offset %d): save the file as UTF-8",
                    line, bytes[in.position()] & 0xff, in.position()));
        }
        return out.flip().toString();
    }
}
