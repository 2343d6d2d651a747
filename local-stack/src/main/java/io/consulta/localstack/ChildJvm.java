package io.consulta.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for child JVMs that run Kafka or the MongoDB-protocol server. Their classpath is the one Maven resolved
 * for this module (written at build time), so nothing beyond Maven Central is needed.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static String javaHome() {
        return System.getProperty("java.home");
    }

    public static List<String> command(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    static String classpath() {
        try (InputStream in = ChildJvm.class.getResourceAsStream("runtime.classpath")) {
            if (in == null) {
                throw new StackException("runtime.classpath is missing: build local-stack with ./mvnw first");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return ownLocation() + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new StackException("cannot read runtime.classpath: " + e.getMessage(), e);
        }
    }

    private static String ownLocation() {
        try {
            return Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new StackException("cannot locate the local-stack classes", e);
        }
    }
}
