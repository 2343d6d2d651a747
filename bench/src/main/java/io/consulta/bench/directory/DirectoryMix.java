package io.consulta.bench.directory;

import io.consulta.bench.LoadRunner;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What people do with a doctor directory, one action per step: browse a specialty, type part of a name, filter by
 * language, page through results with the cursor, open a doctor's profile. Queries vary in case, as users type them.
 */
final class DirectoryMix implements LoadRunner.Session {

    private static final String CURSOR_FIELD = "\"nextCursor\":\"";
    private static final String DOCTORS = "/api/v1/doctors";

    private final Random random;
    private final List<String> doctorIds;

    DirectoryMix(long seed, List<String> doctorIds) {
        this.random = new Random(seed);
        this.doctorIds = doctorIds;
    }

    @Override
    public void step(LoadRunner.Client client) throws InterruptedException {
        int roll = random.nextInt(100);
        if (roll < 25) {
            client.get("by-specialty", DOCTORS + "?specialty=" + typed(specialty()), 200);
        } else if (roll < 45) {
            client.get("by-name", DOCTORS + "?q=" + typed(nameFragment()), 200);
        } else if (roll < 55) {
            client.get("name+specialty", DOCTORS + "?q=" + typed(nameFragment()) + "&specialty=" + typed(specialty()), 200);
        } else if (roll < 65) {
            String query = "?language=" + DoctorSeed.pick(random, DoctorSeed.LANGUAGES)
                    + (random.nextBoolean() ? "&specialty=" + typed(specialty()) : "");
            client.get("by-language", DOCTORS + query, 200);
        } else if (roll < 80) {
            browsePages(client);
        } else {
            client.get("profile", DOCTORS + "/" + DoctorSeed.pick(random, doctorIds), 200);
        }
    }

    /** A first page (everything, or one specialty), then two to four more pages through the cursor. */
    private void browsePages(LoadRunner.Client client) throws InterruptedException {
        String filter = random.nextBoolean() ? "" : "&specialty=" + typed(specialty());
        String query = DOCTORS + "?limit=" + (random.nextBoolean() ? 20 : 50) + filter;
        HttpResponse<String> page = client.get("browse-first-page", query, 200);
        int more = 2 + random.nextInt(3);
        for (int i = 0; i < more && page != null && client.running(); i++) {
            String cursor = nextCursor(page.body());
            if (cursor == null) {
                return;
            }
            page = client.get("browse-next-page", query + "&cursor=" + encode(cursor), 200);
        }
    }

    private String specialty() {
        return DoctorSeed.pick(random, DoctorSeed.SPECIALTIES);
    }

    /** Three to six letters of a first or last name, as someone types when they half remember it. */
    private String nameFragment() {
        String name = DoctorSeed.pick(random, random.nextInt(3) == 0 ? DoctorSeed.FIRST_NAMES : DoctorSeed.LAST_NAMES);
        int length = Math.min(name.length(), 3 + random.nextInt(4));
        int start = random.nextInt(name.length() - length + 1);
        return name.substring(start, start + length);
    }

    /** Users type in any case; the directory must not care. */
    private String typed(String text) {
        String cased = switch (random.nextInt(3)) {
            case 0 -> text.toLowerCase(Locale.ROOT);
            case 1 -> text.toUpperCase(Locale.ROOT);
            default -> text;
        };
        return encode(cased);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The page's nextCursor; found by text search, as parsing every page would cost the load generator CPU. */
    static String nextCursor(String body) {
        int start = body.lastIndexOf(CURSOR_FIELD);
        if (start < 0) {
            return null;
        }
        start += CURSOR_FIELD.length();
        return body.substring(start, body.indexOf('"', start));
    }
}
