package fr.kiif.programmes.impact;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.support.SpringTestBase;

/** A framework file that lost a set still used by a programme is refused at start-up. */
class ProgrammeIndicatorSetsCheckTest extends SpringTestBase {

    @Autowired
    ProgrammeIndicatorSetsCheck check;
    @Autowired
    CallRepository calls;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aProgrammeMeasuringASetTheFileDoesNotDefineIsReported() {
        assertThatCode(check::check).doesNotThrowAnyException();
        calls.insertProgramme("check-orphan", "Orphelin", "Programme d'un ancien cadre.", "ancien-jeu");
        try {
            assertThatThrownBy(check::check).isInstanceOf(InvalidImpactFrameworkException.class)
                    .hasMessageContaining("set 'ancien-jeu' is missing, but programme 'check-orphan' measures it");
        } finally {
            jdbc.sql("delete from programme where id = 'check-orphan'").update();
        }
    }
}
