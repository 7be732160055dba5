package dev.keelson.reference.platform.http;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A feature's part of the API's security filter chain ({@link SecurityConfiguration}), such as who may call what and
 * how callers prove who they are. Every bean of this type is applied, in bean order.
 */
public interface ApiSecurity {
    void configure(HttpSecurity http) throws Exception;
}
