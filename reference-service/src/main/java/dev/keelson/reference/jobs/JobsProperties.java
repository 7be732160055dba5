package dev.keelson.reference.jobs;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code reference.jobs.*} of every project with jobs (features add theirs, {@link EmailJobProperties}); the
 * scheduler itself is {@code db-scheduler.*} (polling interval, threads).
 *
 * @param purgeEvery      the pause between two runs of the purge job
 * @param purgeBatch      rows deleted per statement by the purge job
 */
@Validated
@ConfigurationProperties("reference.jobs")
record JobsProperties(
        @DefaultValue("1h") @NotNull Duration purgeEvery,
        @DefaultValue("1000") @Min(1) int purgeBatch) {}
