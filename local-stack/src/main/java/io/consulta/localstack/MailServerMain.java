package io.consulta.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The local stack's mail inbox in its own JVM: {@code <smtp-port> <http-port>}. GreenMail accepts every message sent to
 * its SMTP port (Keycloak's verification mails, chat-service's reminders) and keeps it in memory;
 * {@code GET /messages[?to=address]} lists them as JSON, newest last, for people and for tests.
 */
public final class MailServerMain {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MailServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int smtpPort = Integer.parseInt(args[0]);
        int httpPort = Integer.parseInt(args[1]);
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
        http.createContext("/messages", exchange -> list(mail, exchange));
        http.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.stop(0);
            mail.stop();
        }, "mail-shutdown"));
        System.out.println("mail inbox: SMTP on 127.0.0.1:" + smtpPort + ", messages at http://localhost:" + httpPort
                + "/messages");
        Thread.currentThread().join();
    }

    private static void list(GreenMail mail, HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String to = parameter(exchange.getRequestURI().getRawQuery(), "to");
            List<Map<String, Object>> messages = new ArrayList<>();
            for (MimeMessage message : mail.getReceivedMessages()) {
                Map<String, Object> json = describe(message);
                @SuppressWarnings("unchecked")
                List<String> recipients = (List<String>) json.get("to");
                if (to == null || recipients.stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).contains(to))) {
                    messages.add(json);
                }
            }
            byte[] body = JSON.writeValueAsBytes(messages);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (MessagingException e) {
            throw new IOException("cannot read a received message", e);
        }
    }

    private static Map<String, Object> describe(MimeMessage message) throws MessagingException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("to", addresses(message.getAllRecipients()));
        json.put("from", addresses(message.getFrom()));
        json.put("subject", message.getSubject());
        json.put("receivedAt", message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant().toString());
        json.put("body", GreenMailUtil.getBody(message));
        return json;
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    private static String parameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2 && parts[0].equals(name)) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
