/** Checks of what deploys the service: the Kubernetes manifests in {@code deploy/kubernetes}. */
package dev.keelson.reference.deploy;
