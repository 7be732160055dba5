package dev.keelson.reference.jobs;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code reference.jobs.*}; the scheduler itself is {@code db-scheduler.*} (polling interval, threads).
 *
 * @param maxAttempts     runs of a failing job before it moves to the dead letters // keelson:auth
 * @param firstRetryAfter the wait after the first failure; each further wait is {@code backoffFactor} times longer // keelson:auth
 * @param backoffFactor   growth of the wait between attempts // keelson:auth
 * @param purgeEvery      the pause between two runs of the purge job
 * @param purgeBatch      rows deleted per statement by the purge job
 */
@Validated
@ConfigurationProperties("reference.jobs")
record JobsProperties(
        // keelson:begin auth
        @DefaultValue("8") @Min(1) int maxAttempts,
        @DefaultValue("10s") @NotNull Duration firstRetryAfter,
        @DefaultValue("2.0") @DecimalMin("1.0") double backoffFactor,
        // keelson:end auth
        @DefaultValue("1h") @NotNull Duration purgeEvery,
        @DefaultValue("1000") @Min(1) int purgeBatch) {}
