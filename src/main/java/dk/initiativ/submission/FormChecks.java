package dk.initiativ.submission;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dk.initiativ.catalog.CatalogService;
import dk.initiativ.initiative.ApplicantKind;
import dk.initiativ.initiative.SubmitInitiativeRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The field checks of an initiative form, the same for the citizen's own form at {@code /} and for the form staff
 * fill in for a citizen at {@code /registrer}: the values must read (budget, applicant kind, age band, help), the
 * case's own rules ({@link SubmitInitiativeRequest}'s constraints) must hold, and topic and districts must exist.
 * The one difference: staff may leave the e-mail empty (the registration form then asks for a phone number or a
 * postal address instead).
 */
@Component
class FormChecks {

    private final Validator validator;
    private final CatalogService catalog;
    private final MessageSource messages;

    FormChecks(Validator validator, CatalogService catalog, MessageSource messages) {
        this.validator = validator;
        this.catalog = catalog;
        this.messages = messages;
    }

    /** The field errors of the citizen's own form, in the form's order, in the citizen's language. */
    Map<String, String> check(SubmissionForm form, Locale locale) {
        return check(form, locale, true, SubmissionForm.FIELDS);
    }

    /**
     * The field errors in the order of {@code fields} (others after them).
     *
     * @param emailRequired false when staff register for a citizen who may have no e-mail; an e-mail that is given
     *                      must still be a valid one
     */
    Map<String, String> check(SubmissionForm form, Locale locale, boolean emailRequired, List<String> fields) {
        Map<String, String> found = new HashMap<>();
        try {
            form.budget();
        } catch (NumberFormatException notANumber) {
            found.put("estimatedBudget", message("initiative.estimatedBudget.range", locale));
        }
        if (!form.applicantKindKnown()) {
            found.put("applicantKind", message("form.applicantKind.invalid", locale));
        }
        if (!form.ageBandKnown()) {
            found.put("profileAgeBand", message("form.profileAgeBand.invalid", locale));
        }
        if (form.unknownHelpWanted()) {
            found.put("helpWanted", message("form.helpWanted.invalid", locale));
        }
        boolean noEmail = SubmissionForm.blank(form.getContactEmail());
        Set<ConstraintViolation<SubmitInitiativeRequest>> violations = validator.validate(form.toRequest());
        for (ConstraintViolation<SubmitInitiativeRequest> violation : violations) {
            String field = violation.getPropertyPath().toString();
            // an empty e-mail breaks only its "required" rule, which staff registration does not have
            if (!emailRequired && noEmail && "contactEmail".equals(field)) {
                continue;
            }
            found.putIfAbsent(field, violation.getMessage());
        }
        if (form.applicant() == ApplicantKind.GROUP && SubmissionForm.blank(form.getGroupName())) {
            found.putIfAbsent("groupName", message("form.groupName.required", locale));
        }
        if (!SubmissionForm.blank(form.getTopic()) && !found.containsKey("topic")
                && !catalog.topicExists(form.getTopic().strip())) {
            found.put("topic", message("initiative.topic.unknown", locale));
        }
        if (!SubmissionForm.blank(form.getDistrict()) && !found.containsKey("district")
                && !catalog.districtExists(form.getDistrict().strip())) {
            found.put("district", message("initiative.district.unknown", locale));
        }
        if (!SubmissionForm.blank(form.getProfileDistrict()) && !found.containsKey("profileDistrict")
                && !catalog.districtExists(form.getProfileDistrict().strip())) {
            found.put("profileDistrict", message("initiative.district.unknown", locale));
        }
        return ordered(found, fields);
    }

    /** The errors in the order of the form's fields, others after them. */
    static Map<String, String> ordered(Map<String, String> found, List<String> fields) {
        Map<String, String> ordered = new LinkedHashMap<>();
        fields.forEach(field -> {
            if (found.containsKey(field)) {
                ordered.put(field, found.get(field));
            }
        });
        found.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
