/**
 * Start-up settings: what a production start must have ({@link dev.keelson.reference.platform.settings.ProductionProfile})
 * and the one-message failure that names every missing or bad setting.
 */
package dev.keelson.reference.platform.settings;
