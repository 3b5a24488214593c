package dk.initiativ.casework;

import dk.initiativ.process.EngineText;
import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The support plan the contact person lays after the agreement: which tracks run, and what each needs.
 *
 * @param permitRequests free-text permits: refused when given (ADR 0045); a permit is planned from a permit type
 * @param permitTypes   codes of offered permit types (ADR 0040): each goes to its type's department
 * @param partnerIds    partners from the registry to link to the case
 */
record SupportPlanInput(
        @NotNull(message = "{supportPlan.track.required}") Boolean funding,
        @EngineText String fundingPool,
        BigDecimal fundingAmount,
        @Size(max = 4000, message = "{funding.purpose.size}") @EngineText String fundingPurpose,
        @NotNull(message = "{supportPlan.track.required}") Boolean permits,
        List<PermitRequest> permitRequests,
        @Size(max = 20, message = "{supportPlan.permits.size}") List<@EngineText String> permitTypes,
        @NotNull(message = "{supportPlan.track.required}") Boolean partners,
        @Size(max = 20, message = "{supportPlan.partners.size}") List<Long> partnerIds,
        @NotNull(message = "{supportPlan.track.required}") Boolean political,
        @EngineText String committee) {

    /** A free-text permit as old clients sent it: refused (ADR 0045). */
    public record PermitRequest(String kind, String departmentGroup) {
    }
}
