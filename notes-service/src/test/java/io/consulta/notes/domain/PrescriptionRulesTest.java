package io.consulta.notes.domain;

import io.consulta.common.domain.InvalidInputException;
import io.consulta.common.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PrescriptionRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final PrescriptionDraft.ItemInput AMOXICILLIN = new PrescriptionDraft.ItemInput(" Amoxicillin ",
            "500 mg", "capsule", "One capsule three times a day for 7 days", 21, null);

    @Test
    void aDraftKeepsItsItemsTrimmedWithNoRefillsByDefault() {
        PrescriptionDraft draft = PrescriptionDraft.of(List.of(AMOXICILLIN), TODAY.plusDays(30), "  ", TODAY);
        assertThat(draft.items()).containsExactly(new PrescriptionItem("Amoxicillin", "500 mg", "capsule",
                "One capsule three times a day for 7 days", 21, 0));
        assertThat(draft.note()).isNull();
        assertThat(draft.validUntil()).isEqualTo(TODAY.plusDays(30));
    }

    @Test
    void reportsEveryBrokenRuleOfEveryItem() {
        var bad = new PrescriptionDraft.ItemInput("", "x".repeat(101), "tablet", null, 0, 13);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> PrescriptionDraft.of(List.of(AMOXICILLIN, bad), TODAY.minusDays(1), "n".repeat(2001), TODAY));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("items[1].medication",
                "items[1].strength", "items[1].dosageInstructions", "items[1].quantity", "items[1].refills",
                "validUntil", "note");
    }

    @Test
    void needsOneToTwentyItemsAndAValidityWithinAYear() {
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> PrescriptionDraft.of(List.of(), TODAY, null, TODAY)).errors())
                .extracting(FieldError::field).containsExactly("items");
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> PrescriptionDraft.of(Collections.nCopies(21, AMOXICILLIN), null, null, TODAY)).errors())
                .extracting(FieldError::message)
                .containsExactly("at most 20 medications per prescription", "is required (an ISO date)");
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> PrescriptionDraft.of(List.of(AMOXICILLIN), TODAY.plusDays(367), null, TODAY)).errors())
                .extracting(FieldError::field).containsExactly("validUntil");
        assertThat(PrescriptionDraft.of(List.of(AMOXICILLIN), TODAY, null, TODAY).validUntil()).isEqualTo(TODAY);
    }

    @Test
    void onlyAnActivePrescriptionChangesStatus() {
        assertThat(PrescriptionStatus.ACTIVE.canBecome(PrescriptionStatus.CANCELLED)).isTrue();
        assertThat(PrescriptionStatus.ACTIVE.canBecome(PrescriptionStatus.ENTERED_IN_ERROR)).isTrue();
        assertThat(PrescriptionStatus.ACTIVE.canBecome(PrescriptionStatus.COMPLETED)).isTrue();
        assertThat(PrescriptionStatus.ACTIVE.canBecome(PrescriptionStatus.ACTIVE)).isFalse();
        for (PrescriptionStatus done : List.of(PrescriptionStatus.CANCELLED, PrescriptionStatus.COMPLETED,
                PrescriptionStatus.ENTERED_IN_ERROR)) {
            for (PrescriptionStatus next : PrescriptionStatus.values()) {
                assertThat(done.canBecome(next)).as(done + " → " + next).isFalse();
            }
        }
        assertThat(PrescriptionStatus.parse("entered-in-error")).contains(PrescriptionStatus.ENTERED_IN_ERROR);
    }

    @Test
    void thePharmacistIsToldValidUntilTheLastDayThenExpiredAndCancelledWhenWithdrawn() {
        assertThat(CheckOutcome.of(PrescriptionStatus.ACTIVE, TODAY, TODAY)).isEqualTo(CheckOutcome.VALID);
        assertThat(CheckOutcome.of(PrescriptionStatus.ACTIVE, TODAY, TODAY.plusDays(1))).isEqualTo(CheckOutcome.EXPIRED);
        assertThat(CheckOutcome.of(PrescriptionStatus.CANCELLED, TODAY, TODAY)).isEqualTo(CheckOutcome.CANCELLED);
        assertThat(CheckOutcome.of(PrescriptionStatus.ENTERED_IN_ERROR, TODAY, TODAY))
                .isEqualTo(CheckOutcome.CANCELLED);
        assertThat(CheckOutcome.of(PrescriptionStatus.COMPLETED, TODAY, TODAY)).isEqualTo(CheckOutcome.COMPLETED);
    }
}
