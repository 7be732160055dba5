/**
 * Checks of what deploys the service: the Kubernetes manifests in {@code deploy/kubernetes}, and the Dockerfile's
 * {@code HEALTHCHECK} run against the service.
 */
package dev.keelson.reference.deploy;
