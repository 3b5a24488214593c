package dk.initiativ.initiative;

/**
 * How the case's citizen is reached and how the case came in. A citizen registered by staff may have no e-mail
 * address: then nothing is mailed to them, and the contact person reaches them by phone or letter.
 */
public record CitizenContact(String email, String phone, String address, Channel channel, String registeredBy,
        boolean open) {

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    public boolean registeredByStaff() {
        return registeredBy != null;
    }
}
