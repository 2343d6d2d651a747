package io.consulta.appointment.api;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IsoTimesTest {

    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Europe/Lisbon"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("America/St_Johns"), ZoneId.of("Pacific/Chatham"));

    @Test
    void writes_what_the_iso_formatters_write_for_whole_seconds_across_zones() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L));
            OffsetDateTime local = instant.atZone(ZONES.get(i % ZONES.size())).toOffsetDateTime();

            assertThat(IsoTimes.utc(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
            assertThat(IsoTimes.local(local)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local));
        }
    }

    @Test
    void leaves_fractions_and_far_years_to_the_formatters() {
        Instant fraction = Instant.parse("2026-03-29T01:00:00.250Z");
        Instant farFuture = Instant.parse("+12026-01-01T00:00:00Z");

        assertThat(IsoTimes.utc(fraction)).isEqualTo("2026-03-29T01:00:00.250Z");
        assertThat(IsoTimes.utc(farFuture)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(farFuture));
        assertThat(IsoTimes.local(OffsetDateTime.parse("2026-03-29T03:00:00.5+02:00")))
                .isEqualTo("2026-03-29T03:00:00.5+02:00");
    }
}
