package dk.initiativ.network;

/** What a registered partner offers an initiative. */
public enum PartnerKind {
    /** an organisation or business that works with initiatives */
    PARTNER,
    /** a local association (forening) */
    ASSOCIATION,
    /** volunteers or a volunteer centre */
    VOLUNTEER,
    /** premises that can be borrowed or rented */
    PREMISES
}
