package io.consulta.chat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * {@code consulta.chat.*}: every setting of chat-service with its default, in this one place (application.properties
 * sets only what differs per profile or environment).
 */
@ConfigMapping(prefix = "consulta.chat")
public interface ChatConfig {

    /** What one connection may do; see {@link io.consulta.chat.domain.ChatLimits}. */
    Limits limits();

    Fanout fanout();

    HistoryCache historyCache();

    /** Writer threads storing sends (a conversation always goes to the same one); one makes the fullest batches. */
    @WithDefault("1")
    int writers();

    /** How long a writer lets sends gather after the first of a batch. */
    @WithDefault("0s")
    Duration gatherFor();

    interface Limits {

        @WithDefault("4000")
        int maxTextLength();

        @WithDefault("10")
        int maxMediaIds();

        @WithDefault("20")
        double framesPerSecond();

        @WithDefault("40")
        int frameBurst();

        @WithDefault("2s")
        Duration typingInterval();

        @WithDefault("200")
        int resumeBatch();

        /** Sockets one user may hold open on a replica; the next is closed with 1008. */
        @WithDefault("10")
        int socketsPerUser();
    }

    /** The internal topic for live delivery between replicas (ids only); every replica reads all of it. */
    interface Fanout {

        @WithDefault("consulta.chat.fanout")
        String topic();

        @WithDefault("1")
        short replicationFactor();
    }

    /** The newest history pages of recently read conversations, kept rendered ({@code service.RecentHistory}). */
    interface HistoryCache {

        /**
         * Share of the heap the cached pages may take; 0 turns the cache off. A conversation's newest 51 messages take
         * about 17 KB; 35% of the local stack's 256 MB holds 5,000 conversations' (issue 18's benchmark: 25% held 77%
         * of them, and replacing the rest filled the old generation, a 200 ms full collection a minute).
         */
        @WithDefault("35")
        int heapPercent();
    }
}
