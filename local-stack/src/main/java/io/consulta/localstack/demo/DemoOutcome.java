package io.consulta.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What a demo load did: the writes it made ({@code changes}; empty when everything was already in place), the demo
 * doctor and visit to point people at, or the step that failed and why.
 */
public record DemoOutcome(List<String> changes, String houseId, JsonNode visit, DemoStepFailed failure) {

    static DemoOutcome loaded(List<String> changes, String houseId, JsonNode visit) {
        return new DemoOutcome(List.copyOf(changes), houseId, visit, null);
    }

    static DemoOutcome failed(List<String> changes, DemoStepFailed failure) {
        return new DemoOutcome(List.copyOf(changes), null, null, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
