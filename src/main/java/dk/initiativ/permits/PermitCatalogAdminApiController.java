package dk.initiativ.permits;

import java.util.List;

import dk.initiativ.admin.Admins;
import dk.initiativ.web.NotAccessLogged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins only: the departments that decide permits and the permit types (issue 13, ADR 0040). Field problems
 * answer 400 with the field named; a change to a row someone changed since the caller read its version answers 409.
 */
@RestController
@Tag(name = "Administration", description = "Reference data maintained by admins, and its change record")
@NotAccessLogged("departments and permit types: no citizen's data")
class PermitCatalogAdminApiController {

    private final Departments departments;
    private final PermitTypes types;
    private final PermitCatalogAdmin admin;

    PermitCatalogAdminApiController(Departments departments, PermitTypes types, PermitCatalogAdmin admin) {
        this.departments = departments;
        this.types = types;
        this.admin = admin;
    }

    @GetMapping(path = "/api/admin/departments", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every department, active or retired, in the order they were added")
    List<Departments.Department> departments(Authentication authentication) {
        Admins.require(authentication);
        return departments.all();
    }

    @PostMapping(path = "/api/admin/departments", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a department",
            description = "group: a group the identity knows (local users or Keycloak), not a role group; nameDa and "
                    + "nameEn unique (ignoring case); active (default true). Recorded in the change record.")
    Departments.Department createDepartment(@RequestBody PermitCatalogAdmin.DepartmentForm form,
            Authentication authentication) {
        return admin.createDepartment(form, Admins.require(authentication));
    }

    @PutMapping(path = "/api/admin/departments/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rename, retire or take back a department",
            description = "The group stays. version: the version read; 409 when it changed since.")
    Departments.Department updateDepartment(@PathVariable("id") long id,
            @RequestBody PermitCatalogAdmin.DepartmentForm form, Authentication authentication) {
        return admin.updateDepartment(id, form, Admins.require(authentication));
    }

    @GetMapping(path = "/api/admin/permit-types", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every permit type, active or retired, by Danish name")
    List<PermitTypes.PermitType> permitTypes(Authentication authentication) {
        Admins.require(authentication);
        return types.all();
    }

    @PostMapping(path = "/api/admin/permit-types", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a permit type",
            description = "nameDa and nameEn unique (ignoring case), departmentGroup an active department, "
                    + "decisionDays 1-250 working days, active (default true). The code is made from the Danish name.")
    PermitTypes.PermitType createPermitType(@RequestBody PermitCatalogAdmin.PermitTypeForm form,
            Authentication authentication) {
        return admin.createPermitType(form, Admins.require(authentication));
    }

    @PutMapping(path = "/api/admin/permit-types/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rename, move, change the deadline of, retire or take back a permit type",
            description = "The code stays; permits already planned keep their due date. version: the version read; "
                    + "409 when it changed since.")
    PermitTypes.PermitType updatePermitType(@PathVariable("id") long id,
            @RequestBody PermitCatalogAdmin.PermitTypeForm form, Authentication authentication) {
        return admin.updatePermitType(id, form, Admins.require(authentication));
    }
}
