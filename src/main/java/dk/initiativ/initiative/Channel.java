package dk.initiativ.initiative;

/**
 * How an initiative came in: the citizen's own web form (or the API), or registered by an employee for a citizen
 * met in person, by phone, by letter, by e-mail or at a meeting. Texts under {@code walkin.channel.<NAME>}.
 */
public enum Channel {
    WEB,
    IN_PERSON,
    PHONE,
    LETTER,
    EMAIL,
    MEETING;

    /** The channels an employee may choose when registering for a citizen (all but the citizen's own web form). */
    public static final java.util.List<Channel> ASSISTED = java.util.List.of(IN_PERSON, PHONE, LETTER, EMAIL, MEETING);
}
