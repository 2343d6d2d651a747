package io.consulta.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every Deployment must have before a platform team lets it in: the three probes, requests and limits for CPU
 * and memory, non-root, a read-only root filesystem, no privilege escalation and no capabilities. Each broken rule is
 * one line naming the Deployment and container; an empty list means it passes.
 */
final class WorkloadRules {

    /**
     * Containers allowed a writable root filesystem, and why. Only dev's Keycloak: start-dev rebuilds Keycloak into
     * /opt/keycloak/lib/quarkus at every start (production runs the operator's optimized image).
     */
    static final Set<String> WRITABLE_ROOT = Set.of("dev/keycloak/keycloak");

    private WorkloadRules() {
    }

    static List<String> violations(String overlay, Deployment deployment) {
        List<String> broken = new ArrayList<>();
        String name = deployment.getMetadata().getName();
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        PodSecurityContext podSecurity = pod.getSecurityContext();
        for (Container container : pod.getContainers()) {
            String where = name + "/" + container.getName();
            if (container.getStartupProbe() == null) {
                broken.add(where + ": no startupProbe");
            }
            if (container.getReadinessProbe() == null) {
                broken.add(where + ": no readinessProbe");
            }
            if (container.getLivenessProbe() == null) {
                broken.add(where + ": no livenessProbe");
            }
            ResourceRequirements resources = container.getResources();
            for (String resource : List.of("cpu", "memory")) {
                if (resources == null || !positive(resources.getRequests(), resource)) {
                    broken.add(where + ": no " + resource + " request");
                }
                if (resources == null || !positive(resources.getLimits(), resource)) {
                    broken.add(where + ": no " + resource + " limit");
                }
            }
            SecurityContext security = container.getSecurityContext();
            boolean nonRoot = security != null && Boolean.TRUE.equals(security.getRunAsNonRoot())
                    || podSecurity != null && Boolean.TRUE.equals(podSecurity.getRunAsNonRoot());
            Long uid = security != null && security.getRunAsUser() != null ? security.getRunAsUser()
                    : podSecurity == null ? null : podSecurity.getRunAsUser();
            if (!nonRoot || uid == null || uid == 0) {
                broken.add(where + ": not runAsNonRoot with a numeric non-zero runAsUser");
            }
            if (security == null || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                if (!WRITABLE_ROOT.contains(overlay + "/" + where)) {
                    broken.add(where + ": root filesystem not read-only");
                }
            }
            if (security == null || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                broken.add(where + ": privilege escalation not disabled");
            }
            if (security == null || security.getCapabilities() == null
                    || !security.getCapabilities().getDrop().contains("ALL")
                    || !security.getCapabilities().getAdd().isEmpty()) {
                broken.add(where + ": capabilities not all dropped");
            }
            if (Boolean.TRUE.equals(security == null ? null : security.getPrivileged())) {
                broken.add(where + ": privileged");
            }
        }
        return broken;
    }

    private static boolean positive(Map<String, Quantity> quantities, String resource) {
        return quantities != null && quantities.containsKey(resource)
                && Quantity.getAmountInBytes(quantities.get(resource)).signum() > 0;
    }
}
