package dk.initiativ.intake;

import dk.initiativ.casework.StaffUser;
import dk.initiativ.casework.TaskForms;
import dk.initiativ.web.NotAccessLogged;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Intake completes the screening task through the API with the same variables as the Tasklist form and the
 * same rules as the case page ({@link ScreeningForm}).
 */
@RestController
@NotAccessLogged("a screening decision answered with no citizen's data; it is on the case's timeline")
class ScreeningApiController {

    private final TaskForms forms;
    private final ScreeningForm screening;

    ScreeningApiController(TaskForms forms, ScreeningForm screening) {
        this.forms = forms;
        this.screening = screening;
    }

    @PostMapping("/api/tasks/{taskId}/screening")
    ResponseEntity<Void> screen(@PathVariable String taskId, @Valid @RequestBody ScreeningInput input,
            Authentication authentication) {
        forms.complete(taskId, screening, input, StaffUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
