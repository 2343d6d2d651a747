package io.consulta.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Publishes an event as if another Consulta service had: CloudEvents 1.0 in structured JSON mode, keyed by its
 * subject, with the content-type header the outbox relay sets, so consumers under test see exactly what production
 * sends them. Service tests reach it through {@link EventBus}; e2e journeys call it with the stack's broker.
 */
public final class CloudEvents {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private CloudEvents() {
    }

    /** The event's id and where Kafka put it. */
    public record Published(String id, RecordMetadata metadata) {
    }

    public static Published publish(String bootstrapServers, String source, String topic, String type, String subject,
                                    Map<String, Object> data) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", source);
        event.put("type", type);
        event.put("time", Instant.now().toString());
        event.put("subject", subject);
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, JSON.writeValueAsString(event));
            record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
            return new Published(id, producer.send(record).get());
        } catch (JsonProcessingException | ExecutionException e) {
            throw new IllegalStateException("could not publish " + type, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + type, e);
        }
    }
}
