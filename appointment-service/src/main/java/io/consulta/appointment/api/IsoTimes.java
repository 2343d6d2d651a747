package io.consulta.appointment.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 text for whole-second times, written directly: a 90-day slot list holds thousands of them, and the
 * general formatters were the largest cost of answering it. Anything they would write differently (fractions of a
 * second, years outside 0000–9999) goes to them.
 */
final class IsoTimes {

    private IsoTimes() {
    }

    /** {@code 2026-03-29T08:00:00Z}, as {@link DateTimeFormatter#ISO_INSTANT}. */
    static String utc(Instant instant) {
        if (instant.getNano() != 0) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        return plainYear(time) ? write(time, "Z") : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** {@code 2026-03-29T10:00:00+02:00}, as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}. */
    static String local(OffsetDateTime time) {
        LocalDateTime wallClock = time.toLocalDateTime();
        if (time.getNano() != 0 || !plainYear(wallClock)) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        return write(wallClock, time.getOffset().getId());
    }

    private static boolean plainYear(LocalDateTime time) {
        return time.getYear() >= 0 && time.getYear() <= 9999;
    }

    private static String write(LocalDateTime time, String zone) {
        char[] text = new char[19 + zone.length()];
        digits(text, 0, time.getYear(), 4);
        text[4] = '-';
        digits(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, time.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, time.getHour(), 2);
        text[13] = ':';
        digits(text, 14, time.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, time.getSecond(), 2);
        zone.getChars(0, zone.length(), text, 19);
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
