package dk.initiativ.network;

/**
 * A registered partner as other features see it.
 *
 * @param districtCode the catalog district it works in, or {@code null} for the whole municipality
 */
public record PartnerView(long id, String name, PartnerKind kind, String description, String contactEmail,
        String contactPhone, String districtCode) {
}
