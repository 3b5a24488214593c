package dk.initiativ.process;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Accepts text without characters beyond the Basic Multilingual Plane; null is for other constraints. */
public class EngineTextValidator implements ConstraintValidator<EngineText, CharSequence> {

    @Override
    public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
        return fitsEngine(text);
    }

    /** Whether Camunda's utf8mb3 tables can hold the text (no supplementary characters such as emoji). */
    public static boolean fitsEngine(CharSequence text) {
        return text == null || text.codePoints().allMatch(Character::isBmpCodePoint);
    }
}
