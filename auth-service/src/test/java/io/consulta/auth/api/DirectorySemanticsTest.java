package io.consulta.auth.api;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.consulta.auth.domain.AccountStatus;
import io.consulta.auth.domain.Names;
import io.consulta.auth.store.DoctorDirectory;
import io.consulta.auth.store.Profile;
import io.consulta.auth.store.ProfileRepository;
import io.consulta.common.identity.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory directory answers exactly as the store query it replaced: for many searches over a few hundred
 * doctors (accented names, shared names, every status), paging through the API yields the same doctors in the same
 * order as that query, {@link #storeQuery}, kept here verbatim as the reference.
 */
@QuarkusTest
class DirectorySemanticsTest {

    private static final List<String> FIRST = List.of("Ana", "João", "Inês", "Müller", "Zoë", "Ann", "Anabela", "Ö", "Li");
    private static final List<String> LAST = List.of("Silva", "Gonçalves", "O'Brien", "Lefèvre", "Ånström", "Silvano",
            "Ng", "Van der Berg", "Dr. Who", "Zürich");
    private static final List<String> SPECIALTIES = List.of("Cardiology", "General Practice", "Dermatology",
            "Paediatrics", "Psychiatry");
    private static final List<String> LANGUAGES = List.of("en", "pt", "fr", "de");

    @Inject
    ProfileRepository profiles;

    @Inject
    DoctorDirectory directory;

    @Test
    void searchesAndPagesMatchTheStoreQueryTheyReplaced() {
        Random random = new Random(7);
        seed(random, 300);
        directory.refresh();

        List<String[]> searches = new ArrayList<>(List.of(
                new String[] {null, null, null}, new String[] {"ana", null, null}, new String[] {"ANA", null, null},
                new String[] {"ç", null, null}, new String[] {"müll", null, null}, new String[] {"o'b", null, null},
                new String[] {"dr. w", null, null}, new String[] {".*", null, null}, new String[] {"ology", null, null},
                new String[] {"silva", "cardiology", null}, new String[] {null, "GENERAL PRACTICE", "pt"},
                new String[] {null, null, "DE"}, new String[] {" ", "", ""}, new String[] {"card", null, "fr"}));
        for (int i = 0; i < 30; i++) {
            searches.add(new String[] {random.nextBoolean() ? fragment(random) : null,
                    random.nextBoolean() ? pick(random, SPECIALTIES) : null,
                    random.nextBoolean() ? pick(random, LANGUAGES) : null});
        }

        for (String[] search : searches) {
            int limit = 1 + random.nextInt(40);
            assertThat(pageThroughApi(search[0], search[1], search[2], limit))
                    .as("q=%s specialty=%s language=%s limit=%d", search[0], search[1], search[2], limit)
                    .containsExactlyElementsOf(storeQuery(search[0], search[1], search[2]));
        }
    }

    @Test
    void cardsCarryTheSamePublicFieldsAsTheStore() {
        seed(new Random(11), 20);
        directory.refresh();
        JsonPath page = given().queryParam("limit", 100).when().get("/api/v1/doctors").then().statusCode(200)
                .extract().jsonPath();
        List<DoctorCard> cards = page.getList("items", DoctorCard.class);
        for (DoctorCard card : cards) {
            DoctorCard stored = DoctorCard.of(profiles.findById(card.id()));
            assertThat(card).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .isEqualTo(stored);
        }
        assertThat(cards).isNotEmpty();
    }

    private List<String> pageThroughApi(String q, String specialty, String language, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", limit);
            if (q != null) {
                request.queryParam("q", q);
            }
            if (specialty != null) {
                request.queryParam("specialty", specialty);
            }
            if (language != null) {
                request.queryParam("language", language);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/doctors").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    /** The directory query as it ran against the store before the directory moved to memory. */
    private List<String> storeQuery(String q, String specialty, String language) {
        List<Bson> filters = new ArrayList<>(List.of(
                Filters.eq("role", Role.DOCTOR), Filters.eq("status", AccountStatus.ACTIVE.name())));
        if (q != null && !q.isBlank()) {
            Pattern contains = Pattern.compile(Names.containsPattern(q));
            filters.add(Filters.or(Filters.regex("nameLower", contains), Filters.regex("specialtyLower", contains)));
        }
        if (specialty != null && !specialty.isBlank()) {
            filters.add(Filters.eq("specialtyLower", Names.searchable(specialty)));
        }
        if (language != null && !language.isBlank()) {
            filters.add(Filters.eq("languages", Names.searchable(language)));
        }
        return profiles.mongoCollection().find(Filters.and(filters)).sort(Sorts.ascending("nameLower", "_id"))
                .map(p -> p.id).into(new ArrayList<>());
    }

    private void seed(Random random, int count) {
        List<Profile> seeded = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Profile p = new Profile();
            p.id = UUID.randomUUID().toString();
            p.role = random.nextInt(10) == 0 ? Role.PATIENT : Role.DOCTOR;
            p.status = random.nextInt(5) == 0 ? pick(random, List.of(AccountStatus.values())) : AccountStatus.ACTIVE;
            p.email = p.id + "@example.org";
            p.emailLower = p.email;
            // Few names for many doctors: ties on the name are ordered by id, across page boundaries too.
            p.name = pick(random, FIRST) + " " + pick(random, LAST);
            p.nameLower = Names.searchable(p.name);
            p.specialty = pick(random, SPECIALTIES);
            p.specialtyLower = Names.searchable(p.specialty);
            p.languages = random.ints(random.nextInt(3), 0, LANGUAGES.size()).mapToObj(LANGUAGES::get).distinct().toList();
            p.bio = "Bio " + i;
            p.clinicAddress = "Rua " + i;
            p.consultationFee = BigDecimal.valueOf(40 + random.nextInt(60));
            p.createdAt = Instant.now();
            p.updatedAt = p.createdAt;
            seeded.add(p);
        }
        profiles.persist(seeded);
    }

    private static String fragment(Random random) {
        String name = Names.searchable(pick(random, random.nextBoolean() ? FIRST : LAST));
        int length = 1 + random.nextInt(Math.min(4, name.length()));
        int start = random.nextInt(name.length() - length + 1);
        String part = name.substring(start, start + length);
        return random.nextBoolean() ? part.toUpperCase(java.util.Locale.ROOT) : part;
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
