package dk.initiativ.process;

/**
 * The names the Java side uses for the elements and variables of {@code bpmn/initiative.bpmn}:
 * each is written here once.
 */
public final class InitiativeProcess {

    public static final String KEY = "initiative";

    public static final String START_SUBMITTED = "StartEvent_InitiativeSubmitted";
    public static final String TASK_SCREEN_INITIATIVE = "Task_ScreenInitiative";
    public static final String END_SCREENED = "EndEvent_Screened";

    /** Process variables: ids and small decisions only, the case itself lives in our tables. */
    public static final String VAR_INITIATIVE_ID = "initiativeId";

    private InitiativeProcess() {
    }
}
