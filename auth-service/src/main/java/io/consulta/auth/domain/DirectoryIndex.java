package io.consulta.auth.domain;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of the doctor directory, sorted by lower-cased name then id, searched in memory. Its results
 * are those of the store query it replaces: approved doctors only; {@code text} is contained in the name or the
 * specialty; {@code specialty} equals it; {@code language} is one of the doctor's languages; pages continue strictly
 * after the last (name, id) returned, so paging never repeats or skips a doctor.
 *
 * <p>Changes are applied by profile version and never go backwards: a stale read (an older version) cannot undo a
 * newer change, so a periodic refresh racing with a local write is harmless. The index therefore remembers the
 * version of every doctor it has seen, listed or not.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class DirectoryIndex {

    public static final DirectoryIndex EMPTY = new DirectoryIndex(new DirectoryListing[0], Map.of());

    /** Sort order of the directory: the store's {@code (nameLower, _id)} ascending. */
    static final Comparator<Position> ORDER = Comparator.comparing(Position::nameLower).thenComparing(Position::id);

    /** Where a page ended. */
    public record Position(String nameLower, String id) {

        static Position of(DirectoryListing listing) {
            return new Position(listing.nameLower(), listing.id());
        }
    }

    /**
     * A search; null or blank criteria do not filter. Criteria are compared as given, so the caller normalises them
     * the way the stored keys are normalised ({@link Names#searchable}).
     */
    public record Query(String text, String specialty, String language, int limit, Position after) {

        public Query {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1");
            }
            text = blankToNull(text);
            specialty = blankToNull(specialty);
            language = blankToNull(language);
        }

        boolean matches(DirectoryListing listing) {
            return (text == null || contains(listing.nameLower(), text) || contains(listing.specialtyLower(), text))
                    && (specialty == null || specialty.equals(listing.specialtyLower()))
                    && (language == null || listing.languages().contains(language));
        }

        private static boolean contains(String field, String part) {
            return field != null && field.contains(part);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    /** One page; {@code next} is null on the last page. */
    public record Page(List<DirectoryListing> items, Position next) {
    }

    /** A doctor's state at {@code version}: listed (approved) with {@code listing}, or not listed (null). */
    public record Change(String id, long version, DirectoryListing listing) {

        public static Change unlisted(String id, long version) {
            return new Change(id, version, null);
        }
    }

    private record Known(long version, DirectoryListing listing) {
    }

    private final DirectoryListing[] sorted;
    /** Never modified after construction. */
    private final Map<String, Known> known;

    public int size() {
        return sorted.length;
    }

    public Optional<DirectoryListing> find(String id) {
        Known doctor = known.get(id);
        return doctor == null ? Optional.empty() : Optional.ofNullable(doctor.listing());
    }

    public Page search(Query query) {
        int from = query.after() == null ? 0 : firstAfter(query.after());
        List<DirectoryListing> found = new ArrayList<>(Math.min(query.limit() + 1, 128));
        for (int i = from; i < sorted.length && found.size() <= query.limit(); i++) {
            if (query.matches(sorted[i])) {
                found.add(sorted[i]);
            }
        }
        if (found.size() <= query.limit()) {
            return new Page(List.copyOf(found), null);
        }
        List<DirectoryListing> page = List.copyOf(found.subList(0, query.limit()));
        return new Page(page, Position.of(page.getLast()));
    }

    /** Applies the changes that are not older than what is known; returns this snapshot if none changes anything. */
    public DirectoryIndex apply(Collection<Change> changes) {
        Map<String, Known> next = null;
        for (Change change : changes) {
            Map<String, Known> current = next == null ? known : next;
            Known seen = current.get(change.id());
            if (seen != null && (change.version() < seen.version()
                    || change.version() == seen.version() && Objects.equals(change.listing(), seen.listing()))) {
                continue;
            }
            if (next == null) {
                next = new HashMap<>(known);
            }
            next.put(change.id(), new Known(change.version(), change.listing()));
        }
        return next == null ? this : of(next);
    }

    /**
     * A full reload: every doctor the store holds now. Doctors missing from it are gone (removed from the store);
     * a doctor changed after the reload read it keeps its newer state.
     */
    public DirectoryIndex reload(Collection<Change> everyDoctor) {
        Map<String, Known> next = new HashMap<>();
        for (Change change : everyDoctor) {
            Known seen = known.get(change.id());
            next.put(change.id(), seen != null && seen.version() > change.version() ? seen
                    : new Known(change.version(), change.listing()));
        }
        return of(next);
    }

    private static DirectoryIndex of(Map<String, Known> known) {
        DirectoryListing[] listed = known.values().stream().map(Known::listing).filter(Objects::nonNull)
                .toArray(DirectoryListing[]::new);
        Arrays.sort(listed, Comparator.comparing(Position::of, ORDER));
        return new DirectoryIndex(listed, known);
    }

    /** Index of the first listing strictly after {@code position} in directory order. */
    private int firstAfter(Position position) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ORDER.compare(Position.of(sorted[middle]), position) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
