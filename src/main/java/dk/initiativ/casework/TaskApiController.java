package dk.initiativ.casework;

import java.util.List;

import dk.initiativ.web.NotAccessLogged;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The staff work list. Completing a task is the job of the feature that owns the task's form. */
@RestController
@RequestMapping("/api/tasks")
@NotAccessLogged("the user's work list: task ids, task names and case numbers, as Tasklist shows them; no citizen's name or contact data")
class TaskApiController {

    private final StaffTasks tasks;

    TaskApiController(StaffTasks tasks) {
        this.tasks = tasks;
    }

    /** The work list, a page at a time ({@code first}, {@code max} up to {@value StaffTasks#MAX_PAGE}). */
    @GetMapping
    List<TaskSummary> workList(@RequestParam(defaultValue = "0") int first,
            @RequestParam(defaultValue = "" + StaffTasks.MAX_PAGE) int max, Authentication authentication) {
        return tasks.workList(StaffUser.of(authentication), first, max);
    }

    @PostMapping("/{taskId}/claim")
    ResponseEntity<Void> claim(@PathVariable String taskId, Authentication authentication) {
        tasks.claim(taskId, StaffUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
