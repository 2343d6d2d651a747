package io.consulta.chat;

import io.consulta.chat.ChatConfig;
import io.consulta.chat.domain.ChatLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The chat limits as the domain takes them, from {@code consulta.chat.limits.*} ({@link ChatConfig}). */
@ApplicationScoped
public class ChatSettings {

    @Produces
    @Singleton
    ChatLimits limits(ChatConfig config) {
        ChatConfig.Limits limits = config.limits();
        return new ChatLimits(limits.maxTextLength(), limits.maxMediaIds(), limits.framesPerSecond(),
                limits.frameBurst(), limits.typingInterval(), limits.resumeBatch(), limits.socketsPerUser());
    }
}
