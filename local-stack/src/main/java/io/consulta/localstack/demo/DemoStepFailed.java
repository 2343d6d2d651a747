package io.consulta.localstack.demo;

/** A demo data step the services refused or could not answer: which step, and what the server said. */
public final class DemoStepFailed extends RuntimeException {

    private final String step;
    private final String reason;

    public DemoStepFailed(String step, String reason) {
        super(step + ": " + reason);
        this.step = step;
        this.reason = reason;
    }

    public String step() {
        return step;
    }

    public String reason() {
        return reason;
    }
}
