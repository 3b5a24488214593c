package dk.initiativ.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Staff text that passes through a process variable on its way into our tables: Camunda's tables are
 * utf8mb3 and cannot hold characters beyond the Basic Multilingual Plane (emoji and the like), so such
 * text is refused with a field message instead of failing the engine's write (ADR 0006). Text that goes
 * only into our own utf8mb4 tables (the citizen's, messages) takes any Unicode and needs no such check.
 */
@Documented
@Constraint(validatedBy = EngineTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface EngineText {

    String message() default "{engineText.unsupportedCharacters}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
