package dk.initiativ.casework;

import java.util.Comparator;
import java.util.Set;

import dk.initiativ.web.FieldProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

/**
 * The Bean Validation rules of a task's input, applied again where the input arrives from a Tasklist
 * form (as process variables) rather than through the API's {@code @Valid}.
 */
@Component
class InputCheck {

    private final Validator validator;

    InputCheck(Validator validator) {
        this.validator = validator;
    }

    void valid(Object input) {
        Set<ConstraintViolation<Object>> violations = validator.validate(input);
        violations.stream().min(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .ifPresent(first -> {
                    throw new FieldProblemException(first.getPropertyPath().toString(),
                            first.getMessageTemplate().replaceAll("[{}]", ""));
                });
    }
}
