/**
 * The HTTP edge every endpoint shares: request ids, the access log, body-size limit, path firewall, security headers
 * and CORS, the OpenAPI document, the {@link dev.keelson.reference.platform.http.Envelope} of every JSON answer and
 * {@link dev.keelson.reference.platform.http.ETags} for versioned rows.
 */
package dev.keelson.reference.platform.http;
