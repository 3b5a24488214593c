package dk.initiativ.support;

import dk.initiativ.web.FieldProblemException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Assertions on the problems services raise for bad input. */
public final class Problems {

    private Problems() {
    }

    /** The call is refused as bad input in {@code field}, explained by {@code messageKey}. */
    public static void assertField(ThrowingCallable call, String field, String messageKey) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FieldProblemException.class, problem -> {
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.messageKey()).isEqualTo(messageKey);
        });
    }
}
