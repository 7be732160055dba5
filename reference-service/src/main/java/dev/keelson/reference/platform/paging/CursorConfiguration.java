package dev.keelson.reference.platform.paging;

import dev.keelson.reference.platform.settings.InvalidSettingException;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cursor key: {@code reference.pagination.cursor-key}, base64 of at least 32 bytes, shared by all instances. */
@Configuration(proxyBeanMethods = false)
class CursorConfiguration {
    private static final Logger log = LoggerFactory.getLogger(CursorConfiguration.class);
    private static final String SETTING = "reference.pagination.cursor-key";
    private static final String HOW = "set base64 of at least 32 random bytes (openssl rand -base64 32)";

    @Bean
    CursorCodec cursorCodec(@Value("${reference.pagination.cursor-key:}") String key) {
        if (key.isBlank()) {
            log.warn("No reference.pagination.cursor-key configured: list cursors are signed with a key made now and "
                    + "stop working when the process stops; set REFERENCE_PAGINATION_CURSOR_KEY in production");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return new CursorCodec(random);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(SETTING, "is not base64 (" + e.getMessage() + "); " + HOW, e);
        }
        if (bytes.length < 32) {
            throw new InvalidSettingException(SETTING, "has " + bytes.length + " bytes, too few to sign with; " + HOW);
        }
        return new CursorCodec(bytes);
    }
}
