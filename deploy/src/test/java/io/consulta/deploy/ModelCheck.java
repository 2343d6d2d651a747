package io.consulta.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fields the model did not know. fabric8's and Strimzi's model classes keep unknown fields in
 * {@code additionalProperties} instead of failing, so a misspelt field ("readinesProbe", "partition") would parse
 * and be silently ignored by the cluster; this walks the parsed object and reports every such field by path.
 */
final class ModelCheck {

    private ModelCheck() {
    }

    static List<String> unknownFields(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, "", found, new IdentityHashMap<>(), 0);
        return found;
    }

    private static void walk(Object value, String path, List<String> found, Map<Object, Boolean> seen, int depth) {
        if (value == null || depth > 40 || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found, seen, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key, found, seen, depth + 1));
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (field.equals("additionalProperties") && child instanceof Map<?, ?> extra) {
                extra.keySet().forEach(key -> found.add(path + "." + key));
            } else if (child != null && (isModel(child.getClass()) || child instanceof Collection<?> || child instanceof Map<?, ?>)) {
                walk(child, path + "." + field, found, seen, depth + 1);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return !type.isEnum() && (name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.strimzi.api."))
                && !name.equals("io.fabric8.kubernetes.api.model.GenericKubernetesResource");
    }
}
