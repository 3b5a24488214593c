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
        return text == null || text.codePoints().allMatch(EngineTextValidator::fitsEngine);
    }

    /**
     * The text without the characters Camunda's utf8mb3 tables cannot hold (emoji and the rest beyond the Basic
     * Multilingual Plane), for text the application writes into the engine itself, such as a task's name.
     */
    public static String fittingEngine(String text) {
        return text == null ? null : text.codePoints().filter(EngineTextValidator::fitsEngine)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** The one rule: a character fits the engine's tables when it lies in the Basic Multilingual Plane. */
    private static boolean fitsEngine(int codePoint) {
        return Character.isBmpCodePoint(codePoint);
    }
}
