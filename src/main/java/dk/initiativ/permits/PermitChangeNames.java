package dk.initiativ.permits;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dk.initiativ.admin.ChangeNames;
import dk.initiativ.admin.ReferenceKinds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names what the change record keeps of a department and of a permit type: the name in the reader's language for the
 * number, a type's department by name; the row number and version counter are bookkeeping and not shown.
 */
@Configuration(proxyBeanMethods = false)
class PermitChangeNames {

    private static final Set<String> BOOKKEEPING = Set.of("id", "version");

    @Bean
    ChangeNames departmentChangeNames(Departments departments) {
        return new ChangeNames() {
            @Override
            public String kind() {
                return ReferenceKinds.DEPARTMENT;
            }

            @Override
            public Optional<String> entityName(String entityId, Locale locale) {
                return departments.all().stream().filter(d -> String.valueOf(d.id()).equals(entityId)).findFirst()
                        .map(department -> department.name(locale));
            }

            @Override
            public boolean hidden(String field) {
                return BOOKKEEPING.contains(field);
            }
        };
    }

    @Bean
    ChangeNames permitTypeChangeNames(PermitTypes types, Departments departments) {
        return new ChangeNames() {
            @Override
            public String kind() {
                return ReferenceKinds.PERMIT_TYPE;
            }

            @Override
            public Optional<String> entityName(String entityId, Locale locale) {
                return entityId.matches("[0-9]{1,18}") ? types.find(Long.parseLong(entityId)).map(t -> t.name(locale))
                        : Optional.empty();
            }

            @Override
            public Optional<String> value(String field, JsonNode value, Locale locale) {
                return "departmentGroup".equals(field) && value.isTextual()
                        ? Optional.of(departments.name(value.textValue(), locale)) : Optional.empty();
            }

            @Override
            public boolean hidden(String field) {
                return BOOKKEEPING.contains(field);
            }
        };
    }
}
