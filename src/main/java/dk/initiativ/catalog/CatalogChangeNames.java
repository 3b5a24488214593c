package dk.initiativ.catalog;

import java.util.Locale;
import java.util.Optional;

import dk.initiativ.admin.ChangeNames;
import dk.initiativ.admin.ReferenceKinds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names what the change record keeps of a topic or a district: its name in the reader's language for its code. */
@Configuration(proxyBeanMethods = false)
class CatalogChangeNames {

    @Bean
    ChangeNames topicChangeNames(CatalogService catalog) {
        return new Named(ReferenceKinds.TOPIC, catalog, true);
    }

    @Bean
    ChangeNames districtChangeNames(CatalogService catalog) {
        return new Named(ReferenceKinds.DISTRICT, catalog, false);
    }

    private record Named(String kind, CatalogService catalog, boolean topic) implements ChangeNames {

        @Override
        public Optional<String> entityName(String code, Locale locale) {
            return Optional.ofNullable((topic ? catalog.topicNames(locale) : catalog.districtNames(locale)).get(code));
        }
    }
}
