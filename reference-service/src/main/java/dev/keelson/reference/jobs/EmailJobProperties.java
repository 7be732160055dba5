package dev.keelson.reference.jobs;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code reference.jobs.*} of the email job: its retries.
 *
 * @param maxAttempts     runs of a failing job before it moves to the dead letters
 * @param firstRetryAfter the wait after the first failure; each further wait is {@code backoffFactor} times longer
 * @param backoffFactor   growth of the wait between attempts
 */
@Validated
@ConfigurationProperties("reference.jobs")
record EmailJobProperties(
        @DefaultValue("8") @Min(1) int maxAttempts,
        @DefaultValue("10s") @NotNull Duration firstRetryAfter,
        @DefaultValue("2.0") @DecimalMin("1.0") double backoffFactor) {}
