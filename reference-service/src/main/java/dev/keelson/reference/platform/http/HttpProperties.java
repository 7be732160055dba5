package dev.keelson.reference.platform.http;

import dev.keelson.reference.platform.settings.InvalidSettingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code reference.http.*}, checked while binding: a bad value stops the start-up naming the setting.
 *
 * @param maxBodySize the largest request body accepted (64 KB); larger ones get 413 before they are read
 * @param cors        the browser origins allowed to call {@code /api/**}
 */
@ConfigurationProperties("reference.http")
public record HttpProperties(
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue Cors cors) {
    public HttpProperties {
        if (maxBodySize.toBytes() <= 0) {
            throw new InvalidSettingException(
                    "reference.http.max-body-size", "must be more than 0 bytes, such as 64KB, but is " + maxBodySize);
        }
    }

    /**
     * @param allowedOrigins exact origins ({@code https://app.example.com}); none by default, and never {@code *}
     */
    public record Cors(@DefaultValue List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins.stream()
                    .map(String::strip)
                    .filter(o -> !o.isEmpty())
                    .toList();
            allowedOrigins.forEach(Cors::checkOrigin);
        }

        private static void checkOrigin(String origin) {
            String setting = "reference.http.cors.allowed-origins";
            if (origin.contains("*")) {
                throw new InvalidSettingException(
                        setting,
                        "'" + origin + "' is a wildcard, which would let any web "
                                + "site call the API with its visitors' tokens; list the exact origins");
            }
            try {
                URI uri = new URI(origin);
                boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
                if (web
                        && uri.getHost() != null
                        && uri.getRawUserInfo() == null
                        && uri.getRawQuery() == null
                        && uri.getRawFragment() == null
                        && (uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
                    return;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            throw new InvalidSettingException(
                    setting,
                    "'" + origin + "' is not an origin; write scheme://host[:port] "
                            + "with no path, such as https://app.example.com");
        }
    }
}
