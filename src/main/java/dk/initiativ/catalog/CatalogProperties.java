package dk.initiativ.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the catalogue is read.
 *
 * @param cacheFor how long a node keeps the topics and districts it read before it reads them again. A change made
 *                 on this node is seen at once; a change made on another node is seen here within this time.
 */
@ConfigurationProperties("initiativ.catalog")
public record CatalogProperties(@DefaultValue("PT30S") Duration cacheFor) {

    public CatalogProperties {
        if (cacheFor == null || cacheFor.isNegative()) {
            throw new IllegalArgumentException("initiativ.catalog.cache-for must not be negative");
        }
    }
}
