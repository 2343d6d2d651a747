package io.consulta.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders an overlay exactly as {@code kubectl apply -k} would: {@code kubectl kustomize <dir>}. The kubectl is
 * {@code $CONSULTA_KUBECTL}, else the one on the PATH, else /usr/bin/kubectl. Without one the tests fail (they never
 * skip): a manifest nobody rendered is a manifest nobody tested.
 */
final class Kustomize {

    private Kustomize() {
    }

    static String render(Path directory) {
        String kubectl = kubectl();
        try {
            Path output = Files.createTempFile("kustomize", ".yaml");
            Path errors = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(List.of(kubectl, "kustomize", directory.toString()))
                    .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + directory + " did not finish in 120 s");
            }
            String rendered = Files.readString(output, StandardCharsets.UTF_8);
            String stderr = Files.readString(errors, StandardCharsets.UTF_8);
            Files.delete(output);
            Files.delete(errors);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + directory + " failed:\n" + stderr);
            }
            return rendered;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + kubectl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + directory, e);
        }
    }

    private static String kubectl() {
        String configured = System.getenv("CONSULTA_KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "kubectl"))) {
                return Path.of(dir, "kubectl").toString();
            }
        }
        if (Files.isExecutable(Path.of("/usr/bin/kubectl"))) {
            return "/usr/bin/kubectl";
        }
        throw new IllegalStateException("""
                No kubectl: the manifest tests render every overlay with 'kubectl kustomize' and cannot run without it.
                Install kubectl (1.27+, for kustomize v5) or point CONSULTA_KUBECTL at one.""");
    }
}
