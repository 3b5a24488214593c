package dk.initiativ.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tasklist shows an exception's own message when a form's completion fails: it must be readable Danish. */
class FieldProblemExceptionTest {

    @Test
    void theMessageIsTheFieldAndItsDanishText() {
        assertThat(new FieldProblemException("decidedOn", "politics.decidedOn.future").getMessage())
                .isEqualTo("decidedOn: Beslutningsdatoen må ikke ligge i fremtiden.");
    }

    @Test
    void anUnknownKeyIsShownAsItIs() {
        assertThat(new FieldProblemException("x", "no.such.key").getMessage()).isEqualTo("x: no.such.key");
    }
}
