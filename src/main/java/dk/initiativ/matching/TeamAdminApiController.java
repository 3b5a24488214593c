package dk.initiativ.matching;

import java.util.List;

import dk.initiativ.admin.Admins;
import dk.initiativ.web.NotAccessLogged;
import dk.initiativ.web.NotFoundException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins only: the teams as reference data (issue 13, ADR 0037): name, managers (one or more, each a user in the
 * manager group) and members. Bad input answers 400 with the field named; a stale version 409.
 */
@RestController
@RequestMapping(path = "/api/admin/teams", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Reference data maintained by admins, and its change record")
@NotAccessLogged("teams: staff data, no citizen's")
class TeamAdminApiController {

    private final StaffDirectory directory;
    private final TeamAdmin admin;

    TeamAdminApiController(StaffDirectory directory, TeamAdmin admin) {
        this.directory = directory;
        this.admin = admin;
    }

    /** A team with its members (user names). */
    record TeamWithMembers(String code, String name, List<String> managers, String managerGroup, long version,
            List<String> members) {
    }

    /** New name and managers, with the version the caller read. */
    record Description(String name, List<String> managers, Long version) {
    }

    /** The staff member to move into the team. */
    record Member(String userId) {
    }

    @GetMapping
    @Operation(summary = "Every team, by name, with its managers (the first gets late matches) and members")
    List<TeamWithMembers> list(Authentication authentication) {
        Admins.require(authentication);
        return directory.teams().stream().map(this::withMembers).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One team")
    TeamWithMembers one(@PathVariable("code") String code, Authentication authentication) {
        Admins.require(authentication);
        return directory.team(code).map(this::withMembers)
                .orElseThrow(() -> new NotFoundException("No team " + code));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a team",
            description = "code (optional: made from the name; a-z, digits, hyphens, at most 40), name (unique "
                    + "ignoring case, at most 120 characters) and managers: one or more user names of the identity "
                    + "(local users or Keycloak) in the manager group, else 400 with field managers. The decision "
                    + "table choose-team can name the new code at once.")
    TeamView create(@RequestBody TeamAdmin.NewTeam team, Authentication authentication) {
        return admin.create(team, Admins.require(authentication));
    }

    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rename a team or change its managers",
            description = "version is the version the caller read: 409 when it changed since.")
    TeamView describe(@PathVariable("code") String code, @RequestBody Description description,
            Authentication authentication) {
        return admin.describe(code, description.name(), description.managers(), description.version(),
                Admins.require(authentication));
    }

    @PostMapping(path = "/{code}/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move a staff member into the team",
            description = "Their capacity and competences stay; recorded as a change of their staff profile. "
                    + "An unknown user: 400 with field member.")
    StaffMember move(@PathVariable("code") String code, @RequestBody Member member, Authentication authentication) {
        return admin.moveMember(code, member.userId(), Admins.require(authentication));
    }

    private TeamWithMembers withMembers(TeamView team) {
        return new TeamWithMembers(team.code(), team.name(), team.managers(), team.managerGroup(), team.version(),
                directory.byTeam(team.code()).stream().map(StaffMember::userId).toList());
    }
}
