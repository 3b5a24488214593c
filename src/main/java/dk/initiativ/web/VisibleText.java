package dk.initiativ.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What "filled in" means for a text a person types: at least one character that shows. Bean Validation's
 * {@code @NotBlank} trims only the characters up to U+0020, so a title of an em space (U+2003), a no-break space or a
 * zero-width space passed it and was stored empty or invisible (each stored text is stripped of Unicode white space).
 * Every {@code @NotBlank} of ours is checked by {@link Validator} instead: blank is a text of nothing but white space,
 * space separators (no-break spaces included), format characters (zero-width spaces and joiners, direction marks) and
 * control characters.
 */
@Configuration(proxyBeanMethods = false)
public class VisibleText {

    /** True when the text has no character that shows. */
    public static boolean isBlank(CharSequence text) {
        return text == null || text.codePoints().allMatch(VisibleText::invisible);
    }

    private static boolean invisible(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isWhitespace(codePoint) || type == Character.SPACE_SEPARATOR || type == Character.FORMAT
                || type == Character.CONTROL;
    }

    @Bean
    static ValidationConfigurationCustomizer notBlankMeansVisibleText() {
        return configuration -> {
            if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                ConstraintMapping mapping = hibernate.createConstraintMapping();
                mapping.constraintDefinition(NotBlank.class).includeExistingValidators(false)
                        .validatedBy(Validator.class);
                hibernate.addMapping(mapping);
            }
        };
    }

    /** {@code @NotBlank} for texts: {@link #isBlank} is refused. */
    public static class Validator implements ConstraintValidator<NotBlank, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return !isBlank(value);
        }
    }
}
