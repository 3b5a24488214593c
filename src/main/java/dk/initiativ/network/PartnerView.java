package dk.initiativ.network;

import java.util.List;

/**
 * A registered partner as other features see it. For a volunteer the contact fields are personal data (ADR 0039):
 * show them only where the reading is access-logged.
 *
 * @param topicCodes    the catalog topics it serves; empty: every topic
 * @param districtCodes the catalog districts it serves; empty: the whole municipality
 * @param capacity      how many people premises hold, or {@code null}
 */
public record PartnerView(long id, String name, PartnerKind kind, String description, String contactPerson,
        String contactEmail, String contactPhone, String address, Integer capacity, List<String> topicCodes,
        List<String> districtCodes, boolean active, long version) {

    /** Whether its contact data is a person's (a volunteer's), personal data. */
    public boolean personal() {
        return kind == PartnerKind.VOLUNTEER;
    }

    /** The same partner without a volunteer's contact data (for lists that are not access-logged). */
    public PartnerView withoutPersonalData() {
        return personal() ? new PartnerView(id, name, kind, description, null, null, null, null, capacity, topicCodes,
                districtCodes, active, version) : this;
    }
}
