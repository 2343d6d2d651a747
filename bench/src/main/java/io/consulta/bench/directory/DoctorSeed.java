package io.consulta.bench.directory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Writes profiles straight into auth-service's collection, in the shape its {@code Profile} class stores (lower-cased
 * search fields, languages normalised, status as the enum name, fee as Decimal128, instants as dates): approved doctors
 * with varied names, specialties (a few popular, many rare) and languages, plus pending and disabled doctors and
 * patients that the directory must skip.
 */
final class DoctorSeed {

    static final String DATABASE = "consulta_auth";
    static final String COLLECTION = "profiles";

    static final List<String> FIRST_NAMES = List.of("Ana", "João", "Maria", "Pedro", "Sofia", "Miguel", "Inês", "Tiago",
            "Beatriz", "Rui", "Carla", "Nuno", "Marta", "Luís", "Helena", "Paulo", "Rita", "André", "Joana", "Diogo",
            "Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Chloé", "Hugo", "Léa", "Louis", "Anna",
            "Jonas", "Lena", "Felix", "Giulia", "Marco", "Chiara", "Luca", "Carmen", "Javier", "Lucía", "Pablo",
            "Fatima", "Omar", "Aisha", "Yusuf", "Priya", "Arjun", "Mei", "Wei", "Yuki", "Kenji", "Olga", "Ivan",
            "Zofia", "Piotr", "Ingrid", "Lars", "Aoife", "Sean", "Amara", "Kwame", "Nadia", "Samir", "Elif", "Emre");
    static final List<String> LAST_NAMES = List.of("Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa",
            "Rodrigues", "Martins", "Jesus", "Sousa", "Fernandes", "Gonçalves", "Gomes", "Lopes", "Marques", "Alves",
            "Almeida", "Ribeiro", "Pinto", "Carvalho", "Teixeira", "Moreira", "Correia", "Mendes", "Nunes", "Soares",
            "Vieira", "Monteiro", "Cardoso", "Rocha", "Smith", "Johnson", "Williams", "Brown", "Taylor", "Wilson",
            "Murphy", "O'Brien", "Kelly", "Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Müller", "Schmidt",
            "Schneider", "Fischer", "Weber", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "García", "Martínez",
            "López", "Sánchez", "Pérez", "Romero", "Khan", "Ahmed", "Hassan", "Ali", "Patel", "Sharma", "Singh",
            "Gupta", "Chen", "Wang", "Li", "Zhang", "Tanaka", "Suzuki", "Sato", "Kim", "Park", "Nguyen", "Ivanov",
            "Petrov", "Kowalski", "Nowak", "Andersen", "Johansson", "Larsen", "Okafor", "Mensah", "Yilmaz", "Demir",
            "Van der Berg", "De Jong", "Novák", "Horváth", "Popescu", "Georgiou", "Papadopoulos", "Cohen", "Levi");
    /** Specialties with weights: general practice and a few others dominate, like a real directory. */
    static final List<String> SPECIALTIES = List.of("General Practice", "General Practice", "General Practice",
            "General Practice", "Paediatrics", "Paediatrics", "Dermatology", "Dermatology", "Psychiatry", "Psychiatry",
            "Cardiology", "Gynaecology", "Orthopaedics", "Ophthalmology", "Psychology", "Neurology",
            "Endocrinology", "Gastroenterology", "Otorhinolaryngology", "Urology", "Pulmonology", "Rheumatology",
            "Nutrition", "Allergology", "Oncology", "Nephrology", "Infectious Diseases", "Sports Medicine",
            "Geriatrics", "Physical Medicine");
    static final List<String> LANGUAGES = List.of("pt", "es", "fr", "de", "it", "ar", "zh", "hi", "ru", "uk", "nl",
            "pl", "tr", "ja", "ro");

    private static final int BATCH = 500;

    record Seeded(List<String> approvedIds, int pending, int disabled, int patients) {
    }

    private DoctorSeed() {
    }

    static Seeded seed(String mongoUri, int approvedDoctors, long randomSeed) {
        Random random = new Random(randomSeed);
        List<String> approved = new ArrayList<>(approvedDoctors);
        int pending = approvedDoctors / 20;
        int disabled = approvedDoctors / 50;
        int patients = approvedDoctors / 5;
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> profiles = client.getDatabase(DATABASE).getCollection(COLLECTION);
            List<Document> batch = new ArrayList<>(BATCH);
            int total = approvedDoctors + pending + disabled + patients;
            for (int i = 0; i < total; i++) {
                Document profile;
                if (i < approvedDoctors) {
                    profile = doctor(random, "ACTIVE");
                    approved.add(profile.getString("_id"));
                } else if (i < approvedDoctors + pending) {
                    profile = doctor(random, "PENDING");
                } else if (i < approvedDoctors + pending + disabled) {
                    profile = doctor(random, "DISABLED");
                } else {
                    profile = patient(random);
                }
                batch.add(profile);
                if (batch.size() == BATCH) {
                    profiles.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                profiles.insertMany(batch);
            }
        }
        return new Seeded(List.copyOf(approved), pending, disabled, patients);
    }

    private static Document doctor(Random random, String status) {
        String name = "Dr. " + pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES)
                + (random.nextInt(4) == 0 ? "-" + pick(random, LAST_NAMES) : "");
        String specialty = pick(random, SPECIALTIES);
        Document profile = common(random, "doctor", status, name);
        profile.append("specialty", specialty).append("specialtyLower", lower(specialty))
                .append("licenceNumber", "MED-" + (100_000 + random.nextInt(900_000)))
                .append("bio", "Consultant in " + specialty.toLowerCase(Locale.ROOT) + " with " + (3 + random.nextInt(30))
                        + " years of practice. Sees adults" + (random.nextBoolean() ? " and children" : "")
                        + " in person and by video; special interest in preventive care and clear explanations.")
                .append("languages", languages(random))
                .append("clinicAddress", "Rua " + pick(random, LAST_NAMES) + " " + (1 + random.nextInt(300)) + ", "
                        + pick(random, List.of("Lisboa", "Porto", "Braga", "Coimbra", "Faro", "Aveiro", "Évora")))
                .append("consultationFee", new Decimal128(BigDecimal.valueOf(40 + 5L * random.nextInt(25))));
        if (random.nextInt(3) > 0) {
            profile.append("photoMediaId", UUID.randomUUID().toString());
        }
        return profile;
    }

    private static Document patient(Random random) {
        return common(random, "patient", "ACTIVE", pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES))
                .append("dateOfBirth", new Date(Instant.parse("1950-01-01T00:00:00Z").toEpochMilli()
                        + random.nextLong(60L * 365 * 86_400_000L)))
                .append("languages", List.of());
    }

    private static Document common(Random random, String role, String status, String name) {
        String id = UUID.randomUUID().toString();
        String email = id.substring(0, 8) + "@example.org";
        Date created = Date.from(Instant.now().minusSeconds(random.nextInt(3 * 365 * 86_400)));
        return new Document("_id", id).append("role", role).append("status", status)
                .append("email", email).append("emailLower", email)
                .append("name", name).append("nameLower", lower(name))
                .append("phone", "+351 9" + (10_000_000 + random.nextInt(89_999_999)))
                .append("createdAt", created).append("updatedAt", created)
                .append("version", (long) random.nextInt(3)).append("outbox", List.of());
    }

    /** Most doctors speak English; many a second or third language. Stored lower-cased, like sign-up does. */
    private static List<String> languages(Random random) {
        Set<String> spoken = new LinkedHashSet<>();
        if (random.nextInt(10) < 8) {
            spoken.add("en");
        }
        int others = random.nextInt(3) + (spoken.isEmpty() ? 1 : 0);
        for (int i = 0; i < others; i++) {
            spoken.add(pick(random, LANGUAGES));
        }
        return List.copyOf(spoken);
    }

    static String lower(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }

    static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
