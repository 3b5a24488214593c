package dk.initiativ.catalog;

import java.util.List;

import dk.initiativ.admin.Admins;
import dk.initiativ.web.FieldProblemException;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins only: the topics ({@code /api/admin/topics}) and districts ({@code /api/admin/districts}) as reference data
 * (issue 13, ADR 0037). Bad or taken codes and names answer 400 with the field named; a change to an entry that
 * someone changed since the caller read it (its version) answers 409. Nothing is deleted: an entry is retired.
 */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Reference data maintained by admins, and its change record")
@NotAccessLogged("topics and districts: reference data, no citizen's data")
class CatalogAdminApiController {

    private static final String KIND = "{kind:topics|districts}";

    private final CatalogAdmin admin;

    CatalogAdminApiController(CatalogAdmin admin) {
        this.admin = admin;
    }

    /** New names, with the version the caller read. */
    record Names(String nameDa, String nameEn, Long version) {
    }

    /** Retire ({@code active} false) or take back into use, with the version the caller read. */
    record Activity(Boolean active, Long version) {
    }

    @GetMapping("/" + KIND)
    @Operation(summary = "Every topic or district, retired ones included, by Danish name",
            description = "kind is topics or districts. active false: retired, no longer offered for new choices.")
    List<CatalogAdmin.AdminEntry> list(
            @Parameter(description = "topics or districts") @PathVariable("kind") String kind,
            Authentication authentication) {
        Admins.require(authentication);
        return admin.list(kind(kind));
    }

    @GetMapping("/" + KIND + "/{code}")
    @Operation(summary = "One topic or district")
    CatalogAdmin.AdminEntry one(@PathVariable("kind") String kind, @PathVariable("code") String code,
            Authentication authentication) {
        Admins.require(authentication);
        return admin.find(kind(kind), code).orElseThrow(() -> new NotFoundException("No " + kind + " " + code));
    }

    @PostMapping(path = "/" + KIND, consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a topic or district",
            description = "code (optional: made from the Danish name when left out; lower case letters a-z, digits "
                    + "and hyphens, at most 40), nameDa and nameEn (each unique within its language ignoring case, "
                    + "at most 120 characters, emoji allowed). Offered at once; recorded in the change record.")
    CatalogAdmin.AdminEntry create(@PathVariable("kind") String kind, @RequestBody CatalogAdmin.NewEntry entry,
            Authentication authentication) {
        return admin.create(kind(kind), entry, Admins.require(authentication));
    }

    @PutMapping(path = "/" + KIND + "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rename a topic or district in Danish and English",
            description = "The code never changes. version is the version the caller read: 409 when it changed since.")
    CatalogAdmin.AdminEntry rename(@PathVariable("kind") String kind, @PathVariable("code") String code,
            @RequestBody Names names, Authentication authentication) {
        return admin.rename(kind(kind), code, names.nameDa(), names.nameEn(), names.version(),
                Admins.require(authentication));
    }

    @PutMapping(path = "/" + KIND + "/{code}/active", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Retire a topic or district, or take it back into use",
            description = "A retired one vanishes from the citizen form, the staff pickers and the catalogue API, and "
                    + "stays named on old cases and in the dashboard. Other nodes see the change within "
                    + "initiativ.catalog.cache-for.")
    CatalogAdmin.AdminEntry activity(@PathVariable("kind") String kind, @PathVariable("code") String code,
            @RequestBody Activity activity, Authentication authentication) {
        String who = Admins.require(authentication);
        if (activity.active() == null) {
            throw new FieldProblemException("active", "admin.topics.error.active");
        }
        return admin.setActive(kind(kind), code, activity.active(), activity.version(), who);
    }

    private static CatalogAdmin.Kind kind(String kind) {
        return "topics".equals(kind) ? CatalogAdmin.Kind.TOPIC : CatalogAdmin.Kind.DISTRICT;
    }
}
