package dk.initiativ.submission;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the public form and the printed receipt make of what a person types (no Spring, no database). */
class TypedTextTest {

    @Test
    void aBudgetIsWholeKronerWithPointsOrCommasOnlyBetweenGroupsOfThree() {
        assertThat(budget("12.000")).isEqualTo(12000L);
        assertThat(budget("12,000")).isEqualTo(12000L);
        assertThat(budget("1.250.000 kr.")).isEqualTo(1250000L);
        assertThat(budget("12 000 DKK")).isEqualTo(12000L);
        assertThat(budget("12000")).isEqualTo(12000L);
        // a decimal point or comma is no thousands separator: refused, not read as 150050 or 15
        for (String fraction : new String[] {"1500.50", "1.5", "12,5", "12.000,50"}) {
            assertThatThrownBy(() -> budget(fraction)).as(fraction).isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    void theReceiptPrintsNoControlCharacter() {
        assertThat(ReceiptPdf.printable("PDF a\u0001b\u0000c")).isEqualTo("PDF a b c");
        assertThat(ReceiptPdf.printable("Bænk ved søen")).isEqualTo("Bænk ved søen");
    }

    private static Long budget(String typed) {
        SubmissionForm form = new SubmissionForm();
        form.setEstimatedBudget(typed);
        return form.budget();
    }
}
