package dk.initiativ.process;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One rule for what Camunda's utf8mb3 tables hold: the check of input and the cleaning of task names agree. */
class EngineTextValidatorTest {

    @Test
    void theCheckAndTheCleaningFollowOneRule() {
        String mixed = "Bænke 🌳 ved søen – “nu” 𝄞 ∑";
        assertThat(EngineTextValidator.fitsEngine(mixed)).isFalse();
        String fitted = EngineTextValidator.fittingEngine(mixed);
        assertThat(fitted).isEqualTo("Bænke  ved søen – “nu”  ∑");
        assertThat(EngineTextValidator.fitsEngine(fitted)).isTrue();
        assertThat(EngineTextValidator.fittingEngine(fitted)).isEqualTo(fitted);
        assertThat(EngineTextValidator.fittingEngine(null)).isNull();
        assertThat(EngineTextValidator.fitsEngine(null)).isTrue();
    }
}
