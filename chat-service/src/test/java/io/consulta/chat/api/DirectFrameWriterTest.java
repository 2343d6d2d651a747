package io.consulta.chat.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every frame the chat tests receive went through {@link DirectFrameWriter}; this one says when a Quarkus upgrade has
 * silently sent them back through websockets-next's slower {@code sendText}.
 */
class DirectFrameWriterTest {

    @Test
    void framesBypassSendTextInThisQuarkusVersion() {
        assertThat(DirectFrameWriter.available()).isTrue();
    }
}
