package io.consulta.chat.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageDraftTest {

    private final ChatLimits limits = ChatLimits.defaults();

    private static FrameRejected rejection(Runnable action) {
        try {
            action.run();
        } catch (FrameRejected e) {
            return e;
        }
        throw new AssertionError("not rejected");
    }

    @Test
    void acceptsTextOrAttachmentsAndTrimsWhitespace() {
        MessageDraft draft = MessageDraft.of("c1", "m-1", "  hello  ", null, limits);
        assertThat(draft.text()).isEqualTo("hello");
        assertThat(draft.mediaIds()).isEmpty();
        assertThat(MessageDraft.of("c1", "m-2", null, List.of("media-1"), limits).text()).isEmpty();
    }

    @Test
    void theLengthLimitCountsCharactersNotUtf16Units() {
        String emoji = "😀".repeat(4000);
        assertThat(MessageDraft.of("c1", "m", emoji, null, limits).text()).isEqualTo(emoji);
        FrameRejected tooLong = rejection(() -> MessageDraft.of("c1", "m", emoji + "😀", null, limits));
        assertThat(tooLong.code()).isEqualTo(ErrorCodes.TOO_LONG);
        assertThat(tooLong.getMessage()).contains("4001").contains("4000");
    }

    @Test
    void anEmptyMessageIsRefused() {
        assertThat(rejection(() -> MessageDraft.of("c1", "m", " \n ", List.of(), limits)).code()).isEqualTo(ErrorCodes.INVALID);
    }

    @Test
    void idsAreBoundedAndPlain() {
        assertThat(rejection(() -> MessageDraft.of("c1", null, "x", null, limits)).getMessage()).startsWith("clientMessageId");
        assertThat(rejection(() -> MessageDraft.of("c1", "a b", "x", null, limits)).getMessage()).startsWith("clientMessageId");
        assertThat(rejection(() -> MessageDraft.of("c".repeat(65), "m", "x", null, limits)).getMessage()).startsWith("conversationId");
        assertThat(rejection(() -> MessageDraft.of("c1", "m", "x", List.of("ok", "$bad"), limits)).getMessage()).startsWith("mediaIds");
        assertThat(MessageDraft.of("c1", "2f1c9b1e-7d3a-4c55-9d0a-1b2c3d4e5f60", "x", null, limits).clientMessageId())
                .hasSize(36);
    }

    @Test
    void attachmentsAreLimitedAndDistinct() {
        List<String> eleven = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "m" + i).toList();
        assertThat(rejection(() -> MessageDraft.of("c1", "m", "x", eleven, limits)).getMessage()).contains("at most 10");
        assertThat(rejection(() -> MessageDraft.of("c1", "m", "x", List.of("a", "a"), limits)).getMessage()).contains("twice");
    }

    @Test
    void previewsAreCutOnCharacterBoundaries() {
        MessageDraft draft = MessageDraft.of("c1", "m", "😀😀😀abc", null, limits);
        assertThat(draft.preview(2)).isEqualTo("😀😀…");
        assertThat(draft.preview(10)).isEqualTo("😀😀😀abc");
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new ChatLimits(0, 1, 1, 1, java.time.Duration.ZERO, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
