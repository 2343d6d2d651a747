package io.consulta.localstack;

import java.util.List;

/** What the stack reports while starting: a component starting, ready, or the ones still awaited. */
public record StackEvent(Kind kind, Component component, List<? extends Component> all) {

    public enum Kind { STARTING, READY, WAITING }

    static StackEvent starting(Component component) {
        return new StackEvent(Kind.STARTING, component, List.of());
    }

    static StackEvent ready(Component component) {
        return new StackEvent(Kind.READY, component, List.of());
    }

    static StackEvent waiting(List<? extends Component> all) {
        return new StackEvent(Kind.WAITING, null, all);
    }
}
