package io.consulta.chat.api;

import io.consulta.chat.domain.ChatLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** The chat limits, from configuration ({@code consulta.chat.limits.*}) with the defaults of {@link ChatLimits}. */
@ApplicationScoped
public class ChatSettings {

    @Produces
    @jakarta.inject.Singleton
    ChatLimits limits(@ConfigProperty(name = "consulta.chat.limits.max-text-length", defaultValue = "4000") int maxTextLength,
                      @ConfigProperty(name = "consulta.chat.limits.max-media-ids", defaultValue = "10") int maxMediaIds,
                      @ConfigProperty(name = "consulta.chat.limits.frames-per-second", defaultValue = "20") double framesPerSecond,
                      @ConfigProperty(name = "consulta.chat.limits.frame-burst", defaultValue = "40") int frameBurst,
                      @ConfigProperty(name = "consulta.chat.limits.typing-interval", defaultValue = "2s") Duration typingInterval,
                      @ConfigProperty(name = "consulta.chat.limits.resume-batch", defaultValue = "200") int resumeBatch) {
        return new ChatLimits(maxTextLength, maxMediaIds, framesPerSecond, frameBurst, typingInterval, resumeBatch);
    }
}
