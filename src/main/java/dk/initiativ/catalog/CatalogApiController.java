package dk.initiativ.catalog;

import java.util.List;
import java.util.Locale;

import dk.initiativ.web.NotAccessLogged;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public: the citizen form offers these topics and districts, named in the caller's language. */
@RestController
@RequestMapping(path = "/api/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
@NotAccessLogged("topics and districts: reference data")
class CatalogApiController {

    private final CatalogService catalog;

    CatalogApiController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/topics")
    List<CatalogEntry> topics(Locale locale) {
        return catalog.activeTopics(locale);
    }

    @GetMapping("/districts")
    List<CatalogEntry> districts(Locale locale) {
        return catalog.activeDistricts(locale);
    }
}
