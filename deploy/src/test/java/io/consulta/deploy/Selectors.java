package io.consulta.deploy;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

import java.util.Map;
import java.util.Optional;

/** Kubernetes label selectors and named ports, evaluated the way the API server and kube-proxy do. */
final class Selectors {

    private Selectors() {
    }

    /** A Service's selector: every pair must be on the pod. An empty selector selects nothing (not a managed Service). */
    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    /** A LabelSelector: matchLabels and matchExpressions; an empty one selects everything. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
            String value = labels.get(requirement.getKey());
            boolean ok = switch (requirement.getOperator()) {
                case "In" -> value != null && requirement.getValues().contains(value);
                case "NotIn" -> value == null || !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown selector operator " + requirement.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The container port a Service targetPort or a NetworkPolicy port means on this pod, if it has one. */
    static Optional<Integer> containerPort(PodTemplateSpec pod, IntOrString port) {
        return pod.getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
                .filter(p -> port.getIntVal() != null ? port.getIntVal().equals(p.getContainerPort())
                        : port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst();
    }
}
