package dk.initiativ.casework;

import java.util.List;

import dk.initiativ.web.FieldProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What Tasklist's support plan form submits now that it chooses from lists: the permits only as permit types (a
 * free-text line is refused, ADR 0045), the partners as a checklist (a JSON list of ids as text).
 */
class SupportPlanChoicesTest {

    @Test
    void aFreeTextPermitLineFromAnOldFormIsRefusedOnItsFieldAndAnEmptyOneIsNothing() {
        assertThatThrownBy(() -> SupportPlans.refuseFreeText("Brug af offentligt areal; vej-park"))
                .isInstanceOfSatisfying(FieldProblemException.class, e -> {
                    assertThat(e.field()).isEqualTo("permitLines");
                    assertThat(e.messageKey()).isEqualTo("supportPlan.permits.typesOnly");
                });
        SupportPlans.refuseFreeText(null);
        SupportPlans.refuseFreeText(" \n ");
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
