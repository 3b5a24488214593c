package dk.initiativ.matching;

import java.time.Instant;
import java.util.List;

import dk.initiativ.admin.Admins;
import dk.initiativ.web.NotAccessLogged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins only: the matching rules, the decision table {@code choose-team} (issue 13, ADR 0041). Read the deployed
 * version, try a changed table on the last cases, deploy it as the next version.
 */
@RestController
@RequestMapping(path = "/api/admin/matching-rules", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Reference data maintained by admins, and its change record")
@NotAccessLogged("matching rules: reference data; the dry run shows case numbers and team names, no citizen's data")
class MatchingRulesApiController {

    private final MatchingRules rules;

    MatchingRulesApiController(MatchingRules rules) {
        this.rules = rules;
    }

    /** The deployed table; {@code deployedBy} is null for a version shipped with the application. */
    record Rules(int version, String xml, String deployedBy, Instant deployedAt) {
    }

    /** A table to try. */
    record Table(String xml) {
    }

    /** A table to deploy on top of {@code expectedVersion}. */
    record Deploy(String xml, Integer expectedVersion) {
    }

    @GetMapping
    @Operation(summary = "The deployed decision table choose-team: its DMN XML, version, who deployed it and when")
    Rules current(Authentication authentication) {
        Admins.require(authentication);
        MatchingRules.Current current = rules.current();
        return new Rules(current.version(), current.xml(), current.deployedBy(), current.deployedAt());
    }

    @PostMapping(path = "/dry-run", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Try a changed table on the last 50 cases that got a team",
            description = "The engine parses the DMN, every cell is checked (known topic, district and team codes; "
                    + "true, false or - for premises). Answers the cases whose team would change. A table that "
                    + "cannot be used: 400 with one error per problem, naming the rule row and column.")
    MatchingRules.DryRun dryRun(@RequestBody Table table, Authentication authentication) {
        Admins.require(authentication);
        return rules.dryRun(table.xml());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Deploy a changed table as the next version",
            description = "Checked as the dry run. Deploys the DMN alone (the process is unchanged); a case that "
                    + "reaches the rule task afterwards is matched by it, a case with a team keeps it. "
                    + "expectedVersion is the version the change was made on: 409 when it is no longer the latest.")
    ResponseEntity<MatchingRules.Deployed> deploy(@RequestBody Deploy body, Authentication authentication) {
        String who = Admins.require(authentication);
        if (body.expectedVersion() == null) {
            throw new MatchingRuleProblems(List.of(new MatchingRuleProblems.Problem("admin.rules.error.expectedVersion",
                    null, null, List.of())));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(rules.deploy(body.xml(), body.expectedVersion(), who));
    }
}
