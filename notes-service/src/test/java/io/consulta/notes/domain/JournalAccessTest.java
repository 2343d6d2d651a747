package io.consulta.notes.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JournalAccessTest {

    @ParameterizedTest(name = "{0} patient={1} doctor={2} care={3} → {4}")
    @CsvSource({
            "pat-1, true,  false, false, OWN_RECORD",
            "pat-2, true,  false, false, NONE",
            "doc-1, false, true,  true,  CARE_RELATIONSHIP",
            "doc-2, false, true,  false, NONE",
            "adm-1, false, false, false, NONE",
            // an admin token with a relationship flag still is no doctor
            "adm-1, false, false, true,  NONE",
    })
    void onlyThePatientAndTheirDoctorsOpenTheJournal(String caller, boolean patient, boolean doctor, boolean care,
                                                   JournalAccess expected) {
        assertThat(JournalAccess.of(caller, patient, doctor, "pat-1", care)).isEqualTo(expected);
    }
}
