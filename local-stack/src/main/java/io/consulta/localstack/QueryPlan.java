package io.consulta.localstack;

import de.bwaldvogel.mongo.bson.Document;

import java.util.List;

/**
 * The conditions of a query that every matching document meets, as one flat document an index can be chosen by:
 * {@code {$and: [{a: 1}, {b: {$gt: 2}}, {b: {$lt: 9}}]}} gives {@code {a: 1, b: {$gt: 2, $lt: 9}}}. Any subset of a
 * conjunction is still met by every match, so a condition that cannot be merged is left out rather than guessed at;
 * {@code $or}, {@code $nor} and other operators at the top are left out too. The full query still decides the result.
 */
final class QueryPlan {

    private QueryPlan() {
    }

    static Document conditions(Document query) {
        Document plan = new Document();
        add(query, plan);
        return plan;
    }

    private static void add(Document query, Document plan) {
        for (String key : query.keySet()) {
            Object value = query.get(key);
            if (key.equals("$and") && value instanceof List<?> parts) {
                parts.stream().filter(Document.class::isInstance).forEach(part -> add((Document) part, plan));
            } else if (!key.startsWith("$")) {
                merge(plan, key, value);
            }
        }
    }

    private static void merge(Document plan, String field, Object value) {
        Object existing = plan.get(field);
        if (!plan.containsKey(field)) {
            plan.put(field, value);
        } else if (isOperators(existing) && isOperators(value)
                && ((Document) existing).keySet().stream().noneMatch(((Document) value)::containsKey)) {
            Document merged = new Document((Document) existing);
            merged.putAll((Document) value);
            plan.put(field, merged);
        } else if (!(value instanceof Document)) {
            plan.put(field, value); // an equality narrows at least as much as what was there
        }
    }

    private static boolean isOperators(Object value) {
        return value instanceof Document document && !document.isEmpty()
                && document.keySet().stream().allMatch(key -> key.startsWith("$"));
    }
}
