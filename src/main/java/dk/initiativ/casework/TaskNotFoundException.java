package dk.initiativ.casework;

import dk.initiativ.web.NotFoundException;

/** No such task, now or ever: 404. */
class TaskNotFoundException extends NotFoundException {

    TaskNotFoundException(String taskId) {
        super("No task " + taskId);
    }
}
