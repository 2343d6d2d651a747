package io.consulta.e2e.support;

import io.consulta.localstack.Stack;
import io.consulta.localstack.StackConfig;
import io.restassured.RestAssured;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;

/**
 * Starts the real stack (local-stack's launcher code: Keycloak, Kafka, MongoDB protocol server, five services) once per
 * test run, shared by every journey, and stops it when the run ends.
 */
public class StackExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningStack.class, key -> RunningStack.start(), RunningStack.class);
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static volatile Stack running;

    /** The stack this run started, for fault journeys that stop, pause or kill parts of it. */
    public static Stack stack() {
        Stack stack = running;
        if (stack == null) {
            throw new IllegalStateException("the stack is not started: extend the journey with StackExtension");
        }
        return stack;
    }

    @RequiredArgsConstructor(access = AccessLevel.PRIVATE)
    static final class RunningStack implements AutoCloseable {

        private final Stack stack;

        static RunningStack start() {
            Path root = Path.of(System.getProperty("consulta.root", "..")).toAbsolutePath().normalize();
            Path data = Path.of(System.getProperty("consulta.stack.data", "target/stack")).toAbsolutePath();
            long started = System.nanoTime();
            Stack stack = Stack.start(StackConfig.forTests(root, data), event -> {
                if (event.component() != null) {
                    System.out.printf("[stack] %s %s%n", event.component().name(), event.kind());
                }
            });
            System.out.printf("[stack] up in %.1f s%n", (System.nanoTime() - started) / 1e9);
            running = stack;
            return new RunningStack(stack);
        }

        @Override
        public void close() {
            stack.close();
        }
    }
}
