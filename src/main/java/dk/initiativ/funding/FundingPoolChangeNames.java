package dk.initiativ.funding;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import dk.initiativ.admin.ChangeNames;
import dk.initiativ.admin.ReferenceKinds;
import dk.initiativ.web.Kroner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Names what the change record keeps of a funding pool (ADR 0038): the pool's name for its number, amounts in kroner. */
@Component
class FundingPoolChangeNames implements ChangeNames {

    private final FundingPoolRepository pools;

    FundingPoolChangeNames(FundingPoolRepository pools) {
        this.pools = pools;
    }

    @Override
    public String kind() {
        return ReferenceKinds.FUNDING_POOL;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> entityName(String entityId, Locale locale) {
        if (!entityId.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return pools.findById(Long.valueOf(entityId)).map(FundingPool::getName);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> value(String field, JsonNode value, Locale locale) {
        if (("totalBudget".equals(field) || "budgetLeft".equals(field)) && value.isNumber()) {
            return Optional.of(Kroner.format(value.decimalValue(), locale));
        }
        return Optional.empty();
    }
}
