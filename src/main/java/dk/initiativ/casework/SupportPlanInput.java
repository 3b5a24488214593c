package dk.initiativ.casework;

import dk.initiativ.process.EngineText;
import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The support plan the contact person lays after the agreement: which tracks run, and what each needs.
 *
 * @param permitRequests permits no type covers: each one's kind and the department group that decides it
 * @param permitTypes   codes of offered permit types (ADR 0040): each goes to its type's department
 * @param partnerIds    partners from the registry to link to the case
 */
record SupportPlanInput(
        @NotNull(message = "{supportPlan.track.required}") Boolean funding,
        @EngineText String fundingPool,
        BigDecimal fundingAmount,
        @Size(max = 4000, message = "{funding.purpose.size}") @EngineText String fundingPurpose,
        @NotNull(message = "{supportPlan.track.required}") Boolean permits,
        @Size(max = 20, message = "{supportPlan.permits.size}") List<@Valid PermitRequest> permitRequests,
        @Size(max = 20, message = "{supportPlan.permits.size}") List<@EngineText String> permitTypes,
        @NotNull(message = "{supportPlan.track.required}") Boolean partners,
        @Size(max = 20, message = "{supportPlan.partners.size}") List<Long> partnerIds,
        @NotNull(message = "{supportPlan.track.required}") Boolean political,
        @EngineText String committee) {

    /** One permit the initiative needs. */
    public record PermitRequest(@NotBlank(message = "{permit.kind.required}") @EngineText String kind,
            @NotBlank(message = "{permit.departmentGroup.required}") @EngineText String departmentGroup) {
    }
}
