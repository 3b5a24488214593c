package dk.initiativ.citizen;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The survey form: a rating 1-5 (required; a text, so that any hostile value gets the field's message) and an optional comment. */
record SurveyInput(
        @NotBlank(message = "{portal.survey.rating.required}")
        @Pattern(regexp = "[1-5]", message = "{portal.survey.rating.required}")
        String rating,

        @Size(max = 2000, message = "{portal.survey.comment.size}")
        String comment) {
}
