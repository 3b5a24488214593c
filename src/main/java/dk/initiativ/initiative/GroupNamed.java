package dk.initiativ.initiative;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dk.initiativ.web.VisibleText;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A submission by a group names the group, through the API as on the form ({@code submission.FormChecks}): the error
 * is the field {@code groupName}'s.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = GroupNamed.Check.class)
@interface GroupNamed {

    String message() default "{form.groupName.required}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<GroupNamed, SubmitInitiativeRequest> {

        @Override
        public boolean isValid(SubmitInitiativeRequest request, ConstraintValidatorContext context) {
            if (request == null || request.applicantKind() != ApplicantKind.GROUP
                    || !VisibleText.isBlank(request.groupName())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("groupName").addConstraintViolation();
            return false;
        }
    }
}
