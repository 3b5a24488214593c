package dk.initiativ.initiative;

/**
 * How a submission came in beyond what was typed: the citizen's own (web) or registered by an employee for the
 * citizen, who then may have no e-mail address and be reached by phone or letter instead.
 *
 * @param channel        how the initiative came in
 * @param registeredBy   the employee's user id; null for the citizen's own submission
 * @param contactAddress the citizen's postal address (staff registration only), or null
 */
public record Registration(Channel channel, String registeredBy, String contactAddress) {

    /** The citizen's own submission through the web form or the API. */
    public static final Registration WEB = new Registration(Channel.WEB, null, null);

    public Registration {
        if (channel == null) {
            throw new IllegalArgumentException("A registration has a channel");
        }
        if ((channel == Channel.WEB) != (registeredBy == null)) {
            throw new IllegalArgumentException("Only a registration by staff names an employee, and it always does");
        }
    }

    public boolean byStaff() {
        return registeredBy != null;
    }
}
