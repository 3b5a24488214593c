package dk.initiativ.admin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.NotAccessLogged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins only: the change record of reference data as JSON, newest first, 50 to a page. */
@RestController
@Tag(name = "Administration", description = "Reference data maintained by admins, and its change record")
@NotAccessLogged("the change record of reference data: no citizen's data")
class ChangeRecordApiController {

    private final ReferenceChanges changes;
    private final ZoneId zone;

    ChangeRecordApiController(ReferenceChanges changes, DeadlineProperties deadlines) {
        this.changes = changes;
        this.zone = deadlines.zone();
    }

    /** One page of changes, with how many match in all. */
    record ChangePage(long total, int page, int pageSize, List<ReferenceChanges.Change> changes) {
    }

    @GetMapping(path = "/api/admin/changes", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The change record of reference data",
            description = "Who changed which pool or staff profile, when, and what it was before and after (JSON "
                    + "text). Filter by kind (funding-pool, staff-profile), thing and period (days in the "
                    + "municipality's zone, both included). Admins only.")
    ChangePage changes(
            @Parameter(description = "funding-pool or staff-profile") @RequestParam(name = "kind", required = false) String kind,
            @Parameter(description = "the thing's id within its kind") @RequestParam(name = "entityId", required = false) String entityId,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "page", defaultValue = "1") int page, Authentication authentication) {
        Admins.require(authentication);
        if (kind != null && !kind.isBlank() && !ReferenceKinds.ALL.contains(kind)) {
            throw new FieldProblemException("kind", "admin.ref.changes.error.kind");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new FieldProblemException("to", "admin.ref.changes.error.order");
        }
        if (page < 1) {
            throw new FieldProblemException("page", "admin.ref.changes.error.page");
        }
        ReferenceChanges.Criteria criteria = new ReferenceChanges.Criteria(
                kind == null || kind.isBlank() ? null : kind, entityId == null || entityId.isBlank() ? null : entityId,
                from, to);
        return new ChangePage(changes.count(criteria, zone), page, ReferenceChanges.PAGE_SIZE,
                changes.find(criteria, zone, (page - 1) * ReferenceChanges.PAGE_SIZE, ReferenceChanges.PAGE_SIZE));
    }
}
