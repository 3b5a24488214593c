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

/** Staff only: the partner registry, all kinds or one ({@code ?kind=PREMISES}); districts named in the caller's language. */
@RestController
@NotAccessLogged("partner organisations, no citizen's data")
class PartnerApiController {

    private final PartnerRegistry registry;
    private final CatalogService catalog;

    PartnerApiController(PartnerRegistry registry, CatalogService catalog) {
        this.registry = registry;
        this.catalog = catalog;
    }

    record PartnerJson(long id, String name, PartnerKind kind, String description, String contactEmail,
            String contactPhone, CatalogEntry district) {
    }

    @GetMapping(path = "/api/partners", produces = MediaType.APPLICATION_JSON_VALUE)
    List<PartnerJson> partners(@RequestParam(name = "kind", required = false) PartnerKind kind, Locale locale) {
        List<PartnerView> partners = kind == null ? registry.list() : registry.byKind(kind);
        Map<String, String> districtNames = catalog.districtNames(locale);
        return partners.stream().map(partner -> new PartnerJson(partner.id(), partner.name(), partner.kind(),
                partner.description(), partner.contactEmail(), partner.contactPhone(),
                partner.districtCode() == null ? null
                        : new CatalogEntry(partner.districtCode(),
                                districtNames.getOrDefault(partner.districtCode(), partner.districtCode()))))
                .toList();
    }
}
