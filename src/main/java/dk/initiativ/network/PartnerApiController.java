package dk.initiativ.network;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.catalog.CatalogEntry;
import dk.initiativ.catalog.CatalogService;
import dk.initiativ.web.NotAccessLogged;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff only: the partner registry's active partners, all kinds or one ({@code ?kind=PREMISES}); the topics and
 * districts they serve named in the caller's language (none: all). A volunteer's contact data is personal data and
 * is left out here (ADR 0039): staff see it on a case that links the volunteer, where the reading is logged.
 */
@RestController
@NotAccessLogged("partner organisations; a volunteer's contact data is left out")
class PartnerApiController {

    private final PartnerRegistry registry;
    private final CatalogService catalog;

    PartnerApiController(PartnerRegistry registry, CatalogService catalog) {
        this.registry = registry;
        this.catalog = catalog;
    }

    record PartnerJson(long id, String name, PartnerKind kind, String description, String contactPerson,
            String contactEmail, String contactPhone, String address, Integer capacity, List<CatalogEntry> topics,
            List<CatalogEntry> districts) {
    }

    @GetMapping(path = "/api/partners", produces = MediaType.APPLICATION_JSON_VALUE)
    List<PartnerJson> partners(@RequestParam(name = "kind", required = false) PartnerKind kind, Locale locale) {
        List<PartnerView> partners = kind == null ? registry.list() : registry.byKind(kind);
        Map<String, String> topicNames = catalog.topicNames(locale);
        Map<String, String> districtNames = catalog.districtNames(locale);
        return partners.stream().map(PartnerView::withoutPersonalData).map(partner -> new PartnerJson(partner.id(),
                partner.name(), partner.kind(), partner.description(), partner.contactPerson(), partner.contactEmail(),
                partner.contactPhone(), partner.address(), partner.capacity(), named(partner.topicCodes(), topicNames),
                named(partner.districtCodes(), districtNames))).toList();
    }

    private static List<CatalogEntry> named(List<String> codes, Map<String, String> names) {
        return codes.stream().map(code -> new CatalogEntry(code, names.getOrDefault(code, code))).toList();
    }
}
