package io.consulta.deploy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images, built and run as the README says: {@code deploy/images build}, then {@code deploy/images up} (the dev
 * overlay's Deployments under podman kube play beside Kafka, Keycloak and the MongoDB-protocol server, readiness on
 * the management port, the smoke journey, tear-down). It binds no host port (the pods are reached at their own
 * addresses), so it needs no stack lock. Without podman it is skipped, and says so loudly; .ci/run installs podman.
 */
class ImagesUpIT {

    @Test
    void theImagesBuildAndTheDevOverlayPassesTheSmokeJourney() throws Exception {
        if (!onPath("podman")) {
            System.out.println("""

                    ************************************************************************************************
                    *  SKIPPED deploy/images build + up: podman is not installed.                                  *
                    *  apt-get install -y podman buildah skopeo mmdebstrap runc   (.ci/run does this on CI)        *
                    ************************************************************************************************
                    """);
            Assumptions.abort("podman is not installed: deploy/images build and up were NOT run");
        }

        long build = run("build", 30);
        long up = run("up", 20);

        System.out.printf("deploy/images build took %d s, deploy/images up %d s%n", build, up);
    }

    private static long run(String command, int minutes) throws IOException, InterruptedException {
        Path log = Repo.path("deploy/target/images-" + command + ".log");
        Files.createDirectories(log.getParent());
        long started = System.nanoTime();
        Process process = new ProcessBuilder(List.of(Repo.path("deploy/images").toString(), command))
                .directory(Repo.root().toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(minutes, TimeUnit.MINUTES);
        if (!finished) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);
        System.out.println("---- deploy/images " + command + " ----\n" + output);
        assertThat(finished).as("deploy/images " + command + " finished within " + minutes + " minutes").isTrue();
        assertThat(process.exitValue()).as("deploy/images " + command + " exit code; output in " + log).isZero();
        if (command.equals("up")) {
            assertThat(output).contains("smoke journey passed", "up: passed");
        }
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
