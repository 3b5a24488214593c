package dk.initiativ.submission;

import java.util.ArrayList;
import java.util.List;

import dk.initiativ.initiative.Channel;

/**
 * The form staff fill in for a citizen at {@code /registrer}: the public form's fields (and rules, see
 * {@link FormChecks}), plus how the initiative came in, the citizen's postal address (when they have no e-mail) and
 * the language of the citizen's receipt and later e-mails. The public form's {@code consent} here is the employee's
 * confirmation that the citizen agreed to be registered and to the privacy terms.
 */
class StaffRegistrationForm extends SubmissionForm {

    /** The fields in the order the page shows them (the error summary follows it). */
    static final List<String> FIELDS;

    static {
        List<String> fields = new ArrayList<>();
        fields.add("channel");
        fields.add("citizenLanguage");
        for (String field : SubmissionForm.FIELDS) {
            fields.add(field);
            if (field.equals("contactPhone")) {
                fields.add("contactAddress");
            }
        }
        FIELDS = List.copyOf(fields);
    }

    private String channel;
    private String contactAddress;
    private String citizenLanguage = "da";

    /** The channel, or null when none or an unknown one was chosen. */
    Channel channelChosen() {
        return Channel.ASSISTED.stream().filter(c -> c.name().equals(channel)).findFirst().orElse(null);
    }

    /** Danish unless English was chosen. */
    String language() {
        return "en".equals(citizenLanguage) ? "en" : "da";
    }

    boolean languageKnown() {
        return "da".equals(citizenLanguage) || "en".equals(citizenLanguage);
    }

    String address() {
        return blank(contactAddress) ? null : contactAddress.strip();
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getContactAddress() {
        return contactAddress;
    }

    public void setContactAddress(String contactAddress) {
        this.contactAddress = contactAddress;
    }

    public String getCitizenLanguage() {
        return citizenLanguage;
    }

    public void setCitizenLanguage(String citizenLanguage) {
        this.citizenLanguage = citizenLanguage;
    }
}
