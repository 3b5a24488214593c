package dk.initiativ.funding;

import java.math.BigDecimal;
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
 * Admins only: the funding pools as reference data (issue 13). Field problems and a budget below what is granted
 * answer 400 with the field named; a budget changed by someone else since the caller read it answers 409.
 */
@RestController
@RequestMapping(path = "/api/admin/funding-pools", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Reference data maintained by admins, and its change record")
@NotAccessLogged("funding pools and their budgets: no citizen's data")
class FundingPoolAdminApiController {

    private final FundingPools pools;
    private final FundingPoolAdmin admin;

    FundingPoolAdminApiController(FundingPools pools, FundingPoolAdmin admin) {
        this.pools = pools;
        this.admin = admin;
    }

    /** A budget change: from the budget the caller read, to the new one, and why. */
    record BudgetChange(BigDecimal from, BigDecimal to, String reason) {
    }

    @GetMapping
    @Operation(summary = "Every funding pool, by name, with its budget, what is left and whether it is open")
    List<FundingPoolView> list(Authentication authentication) {
        Admins.require(authentication);
        return pools.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One funding pool")
    FundingPoolView one(@PathVariable("id") long id, Authentication authentication) {
        Admins.require(authentication);
        return pools.find(id).orElseThrow(() -> new NotFoundException("No pool " + id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a funding pool",
            description = "Name (unique, ignoring case), criteria, total budget, application deadline (optional), "
                    + "fund-officer group and open (default true). The creation is recorded in the change record.")
    FundingPoolView create(@RequestBody FundingPoolAdmin.PoolForm form, Authentication authentication) {
        return admin.create(form, Admins.require(authentication));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a pool's name, criteria, deadline, fund-officer group or open/closed",
            description = "The budget is not changed here (totalBudget is ignored): use the budget endpoint.")
    FundingPoolView update(@PathVariable("id") long id, @RequestBody FundingPoolAdmin.PoolForm form,
            Authentication authentication) {
        return admin.update(id, form, Admins.require(authentication));
    }

    @PostMapping(path = "/{id}/budget", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a pool's total budget, with a reason",
            description = "from is the total budget the caller read; when it is no longer so the answer is 409. "
                    + "The new budget cannot be below what is granted (400, field totalBudget); the reason is "
                    + "required. Recorded with who, when, from, to and why.")
    FundingPoolView budget(@PathVariable("id") long id, @RequestBody BudgetChange change,
            Authentication authentication) {
        return admin.changeBudget(id, change.from(), change.to(), change.reason(), Admins.require(authentication));
    }
}
