package dk.initiativ.funding;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The municipality's funding pools, for matching initiatives to them and showing what is left. */
@Service
@Transactional(readOnly = true)
public class FundingPools {

    private final FundingPoolRepository pools;

    FundingPools(FundingPoolRepository pools) {
        this.pools = pools;
    }

    /** Every pool, by name. */
    public List<FundingPoolView> list() {
        return pools.findAllByOrderByNameAsc().stream().map(FundingPool::toView).toList();
    }

    public Optional<FundingPoolView> find(long id) {
        return pools.findById(id).map(FundingPool::toView);
    }

    public Optional<FundingPoolView> find(String code) {
        return pools.findByCode(code).map(FundingPool::toView);
    }
}
