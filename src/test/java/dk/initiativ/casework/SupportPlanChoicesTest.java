package dk.initiativ.casework;

import java.util.List;

import dk.initiativ.web.FieldProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What Tasklist's support plan form submits now that it chooses from lists: the permits' department from a
 * select (lines may still name their own), the partners as a checklist (a JSON list of ids as text).
 */
class SupportPlanChoicesTest {

    @Test
    void permitLinesGoToTheChosenDepartmentUnlessALineNamesItsOwn() {
        assertThat(SupportPlans.permitLines("Brug af offentligt areal\n\n Bål på stranden ; byg-miljoe\n", "vej-park"))
                .containsExactly(new SupportPlanInput.PermitRequest("Brug af offentligt areal", "vej-park"),
                        new SupportPlanInput.PermitRequest("Bål på stranden", "byg-miljoe"));
        // the API's lines name their department; without one chosen, a bare line is a field error
        assertThat(SupportPlans.permitLines("Skilte; vej-park"))
                .containsExactly(new SupportPlanInput.PermitRequest("Skilte", "vej-park"));
        assertThatThrownBy(() -> SupportPlans.permitLines("Skilte", " "))
                .isInstanceOfSatisfying(FieldProblemException.class, e -> {
                    assertThat(e.field()).isEqualTo("permitLines");
                    assertThat(e.messageKey()).isEqualTo("supportPlan.permits.line");
                });
    }

    @Test
    void partnerIdsAreReadAsTasklistsChecklistAndTheApiSendThem() {
        assertThat(SupportPlans.partnerIdsOf("[\"3\",\"15\"]")).containsExactly(3L, 15L);
        assertThat(SupportPlans.partnerIdsOf("[ 3, 15 ]")).containsExactly(3L, 15L);
        assertThat(SupportPlans.partnerIdsOf(List.of("4", "2"))).containsExactly(4L, 2L);
        assertThat(SupportPlans.partnerIdsOf("1, 2")).containsExactly(1L, 2L);
        assertThat(SupportPlans.partnerIdsOf("[]")).isEmpty();
        assertThat(SupportPlans.partnerIdsOf(null)).isEmpty();
        assertThatThrownBy(() -> SupportPlans.partnerIdsOf("[\"Tuse Næs\"]"))
                .isInstanceOfSatisfying(FieldProblemException.class, e -> assertThat(e.field()).isEqualTo("partnerIds"));
    }
}
