package io.consulta.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The public paths each service serves, read from its sources: JAX-RS {@code @Path} on the resource class and its
 * methods, and {@code @WebSocket(path = ...)}. So a new endpoint is checked against the Ingress the moment it is
 * written, not when someone remembers to update a list.
 */
final class PublicPaths {

    /** A path as a service declares it ({@code template}) and one concrete request path for it. */
    record Endpoint(String module, String template, String sample, boolean webSocket) {
    }

    private static final Pattern TYPE = Pattern.compile("\\b(class|interface|record)\\s+\\w+");
    private static final Pattern PATH = Pattern.compile("@Path\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern VERB = Pattern.compile("@(GET|POST|PUT|DELETE|PATCH|HEAD)\\b");
    private static final Pattern METHOD_START = Pattern.compile("\\)\\s*(throws[^{;]*)?\\{");
    private static final Pattern WEB_SOCKET = Pattern.compile("@WebSocket\\(\\s*path\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]*}");

    private PublicPaths() {
    }

    static List<Endpoint> of(String module) {
        Path sources = Repo.path(module + "/src/main/java");
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                endpoints.addAll(endpoints(module, Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return endpoints;
    }

    static List<Endpoint> endpoints(String module, String source) {
        List<Endpoint> endpoints = new ArrayList<>();
        Matcher socket = WEB_SOCKET.matcher(source);
        while (socket.find()) {
            endpoints.add(endpoint(module, socket.group(1), true));
        }
        Matcher type = TYPE.matcher(source);
        if (!type.find()) {
            return endpoints;
        }
        Matcher classPath = PATH.matcher(source.substring(0, type.start()));
        String base = classPath.find() ? classPath.group(1) : null;
        if (base == null) {
            return endpoints;
        }
        Matcher verb = VERB.matcher(source);
        int position = type.end();
        while (verb.find(position)) {
            position = verb.end();
            int from = Math.max(source.lastIndexOf('}', verb.start()), source.lastIndexOf(';', verb.start())) + 1;
            Matcher start = METHOD_START.matcher(source);
            int to = start.find(verb.end()) ? start.start() : source.length();
            Matcher methodPath = PATH.matcher(source.substring(from, to));
            String path = methodPath.find() ? join(base, methodPath.group(1)) : base;
            endpoints.add(endpoint(module, path, false));
        }
        return endpoints.stream().distinct().toList();
    }

    private static Endpoint endpoint(String module, String template, boolean webSocket) {
        return new Endpoint(module, template, PARAMETER.matcher(template).replaceAll("x1"), webSocket);
    }

    private static String join(String base, String path) {
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + (path.startsWith("/") ? path : "/" + path);
    }
}
