package dev.keelson.load.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a scenario's CSV feed (RFC 4180: a header row, comma-separated fields, double quotes around fields that
 * hold commas, quotes or line breaks, {@code ""} for a quote). Jackson's CSV module has no 3.1.7 release to match
 * the managed Jackson version, and the feed needs only this much.
 */
final class CsvFeed {
    private CsvFeed() {}

    /** Rows as column name to value; throws {@link IllegalArgumentException} naming the bad line. */
    static List<Map<String, String>> parse(String text) {
        List<List<String>> records = records(text);
        if (records.isEmpty()) throw new IllegalArgumentException("the file is empty; it needs a header row");
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> fields = records.get(i);
            if (fields.size() == 1 && fields.get(0).isEmpty()) continue;
            if (fields.size() != header.size()) {
                throw new IllegalArgumentException(
                        "row " + (i + 1) + " has " + fields.size() + " fields, the header " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) row.put(header.get(c).trim(), fields.get(c));
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else if (ch != '\r') {
                field.append(ch);
            }
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }
}
