package dk.initiativ.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import dk.initiativ.admin.ChangeNames;
import dk.initiativ.admin.ReferenceKinds;
import dk.initiativ.catalog.CatalogService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names what the change record keeps of a partner (ADR 0039): the partner's name for its number (a volunteer only by
 * kind and number: a person's name is not shown beside a record kept for good), the kind by name, topics and
 * districts by name, and for a volunteer which personal fields changed, by their labels.
 */
@Component
class PartnerChangeNames implements ChangeNames {

    private final PartnerRepository partners;
    private final CatalogService catalog;
    private final MessageSource texts;

    PartnerChangeNames(PartnerRepository partners, CatalogService catalog, MessageSource texts) {
        this.partners = partners;
        this.catalog = catalog;
        this.texts = texts;
    }

    @Override
    public String kind() {
        return ReferenceKinds.PARTNER;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> entityName(String entityId, Locale locale) {
        if (!entityId.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return partners.findById(Long.valueOf(entityId)).map(partner -> partner.getKind() == PartnerKind.VOLUNTEER
                ? texts.getMessage("admin.changes.volunteer", new Object[] {entityId}, locale) : partner.getName());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> value(String field, JsonNode value, Locale locale) {
        return switch (field) {
            case "kind" -> Optional.of(texts.getMessage("admin.network.kind." + value.asText(), null, value.asText(),
                    locale));
            case "topics" -> Optional.of(names(value, catalog.topicNames(locale), "admin.network.allTopics", locale));
            case "districts" -> Optional.of(names(value, catalog.districtNames(locale), "admin.network.allDistricts",
                    locale));
            case "personalFieldsChanged" -> Optional.of(labels(value, locale));
            default -> Optional.empty();
        };
    }

    private String names(JsonNode codes, Map<String, String> names, String allKey, Locale locale) {
        if (codes.isArray() && codes.isEmpty()) {
            return texts.getMessage(allKey, null, locale);
        }
        List<String> shown = new ArrayList<>();
        codes.forEach(code -> shown.add(names.getOrDefault(code.asText(), code.asText())));
        return String.join(", ", shown);
    }

    private String labels(JsonNode fields, Locale locale) {
        List<String> shown = new ArrayList<>();
        fields.forEach(field -> shown.add(texts.getMessage("admin.changes.field.partner." + field.asText(), null,
                field.asText(), locale)));
        return String.join(", ", shown);
    }
}
