package dk.initiativ.funding;

import java.util.List;

import dk.initiativ.web.NotAccessLogged;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff only: the funding pools with their budgets left. */
@RestController
@NotAccessLogged("funding pools and their balances, no person")
class FundingPoolApiController {

    private final FundingPools pools;

    FundingPoolApiController(FundingPools pools) {
        this.pools = pools;
    }

    @GetMapping(path = "/api/funding-pools", produces = MediaType.APPLICATION_JSON_VALUE)
    List<FundingPoolView> pools() {
        return pools.list();
    }
}
