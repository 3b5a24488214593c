package dk.initiativ.network;

import java.util.List;

import dk.initiativ.admin.Admins;
import dk.initiativ.privacy.AccessLog;
import dk.initiativ.web.AccessKind;
import dk.initiativ.web.AccessLogged;
import dk.initiativ.web.NotAccessLogged;
import dk.initiativ.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins only: the network registry as reference data (issue 13, ADR 0039). Field problems answer 400 with the
 * field named, in the caller's language; a partner changed by someone else since the caller read it answers 409.
 * A volunteer's contact data is personal data: the list leaves it out, and reading one volunteer is access-logged.
 */
@RestController
@RequestMapping(path = "/api/admin/partners", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Reference data maintained by admins, and its change record")
@NotAccessLogged("partner organisations; a volunteer's contact data only in the logged read of one partner")
class PartnerAdminApiController {

    private final PartnerRegistry registry;
    private final PartnerAdmin admin;
    private final AccessLog accessLog;

    PartnerAdminApiController(PartnerRegistry registry, PartnerAdmin admin, AccessLog accessLog) {
        this.registry = registry;
        this.admin = admin;
        this.accessLog = accessLog;
    }

    /** The answer to a retirement: deleted (no case linked it), or the partner as it is now, retired. */
    record Retired(boolean deleted, PartnerView partner) {
    }

    @GetMapping
    @Operation(summary = "Every partner, association, volunteer and premises, retired ones included",
            description = "By kind and name; a volunteer's contact data (contact person, e-mail, phone, address) is "
                    + "left out here: read the one volunteer for it (access-logged).")
    List<PartnerView> list(@Parameter(description = "PARTNER, ASSOCIATION, VOLUNTEER or PREMISES")
            @RequestParam(name = "kind", required = false) PartnerKind kind, Authentication authentication) {
        Admins.require(authentication);
        return registry.all(kind).stream().map(PartnerView::withoutPersonalData).toList();
    }

    @GetMapping("/{id}")
    @AccessLogged(AccessKind.VIEW)
    @Operation(summary = "One partner with its contact data",
            description = "Reading a volunteer is written in the staff access log (ADR 0028, ADR 0039).")
    PartnerView one(@PathVariable("id") long id, Authentication authentication) {
        Admins.require(authentication);
        PartnerView partner = registry.find(id).orElseThrow(() -> new NotFoundException("No partner " + id));
        if (partner.personal()) {
            accessLog.volunteerViewed(id);
        }
        return partner;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a partner, association, volunteer or premises",
            description = "Name (unique within its kind, ignoring case), kind, description, contact person, e-mail "
                    + "and phone (optional, checked), address, capacity (premises only), the topic and district "
                    + "codes it serves (none: all). The creation is recorded in the change record; for a volunteer "
                    + "without personal data.")
    PartnerView create(@RequestBody PartnerAdmin.PartnerForm form, Authentication authentication) {
        return admin.create(form, Admins.require(authentication));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a partner's description, contact data, topics and districts",
            description = "The kind does not change (it is ignored). version is the version the caller read: when "
                    + "the partner has changed since, the answer is 409.")
    PartnerView update(@PathVariable("id") long id, @RequestBody PartnerAdmin.PartnerForm form,
            Authentication authentication) {
        return admin.update(id, form, Admins.require(authentication));
    }

    @PostMapping("/{id}/retire")
    @Operation(summary = "Retire a partner",
            description = "No case is offered it any more. When no case links it, it is deleted (deleted: true); "
                    + "otherwise it stays, retired, on the cases that link it, and a volunteer's contact data is "
                    + "removed.")
    Retired retire(@PathVariable("id") long id, Authentication authentication) {
        return admin.retire(id, Admins.require(authentication)).map(partner -> new Retired(false, partner))
                .orElseGet(() -> new Retired(true, null));
    }
}
