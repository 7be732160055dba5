package dev.keelson.reference.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on {@code @Scheduled} jobs (the outbox relay). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Scheduling {}
