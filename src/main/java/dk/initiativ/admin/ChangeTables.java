package dk.initiativ.admin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dk.initiativ.process.DeadlineProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A recorded change as the admin reads it (ADR 0038): the thing named, and a small table of the fields that changed,
 * each with its label in the reader's language and its values before and after as the owning module names them
 * ({@link ChangeNames}). A kind no module names falls back gracefully: the field key made readable
 * ({@code fundOfficerGroup} becomes "Fund officer group"), the values as recorded. The JSON itself stays untouched
 * (the API answers it raw).
 *
 * <p>The one renderer of changes: the change record page and every per-item admin page (a pool, a team, a partner,
 * ...) show their history through {@link #history} and the fragment {@code admin/fragments :: changes}.
 */
@Component
public class ChangeTables {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    /** One changed field: its label, and its value before and after (empty text for "none"). */
    public record FieldRow(String field, String label, String before, String after) {
    }

    /** One change as shown: its kind and thing named, its fields. */
    public record Shown(String entityName, List<FieldRow> fields) {
    }

    /** A change on a page: the change, its kind and action in the reader's language, and the fields that changed. */
    public record Entry(ReferenceChanges.Change change, String kindText, String actionText, Shown shown) {
    }

    private final ReferenceChanges changes;
    private final Map<String, ChangeNames> names;
    private final MessageSource texts;
    private final ObjectMapper json;
    private final ZoneId zone;

    ChangeTables(ReferenceChanges changes, List<ChangeNames> names, MessageSource texts, ObjectMapper json,
            DeadlineProperties deadlines) {
        this.changes = changes;
        this.names = names.stream().collect(Collectors.toMap(ChangeNames::kind, Function.identity(), (a, b) -> a));
        this.texts = texts;
        this.json = json;
        this.zone = deadlines.zone();
    }

    /** The latest changes of one thing ({@link ReferenceChanges#PAGE_SIZE} at most), newest first, as shown. */
    public List<Entry> history(String kind, String entityId, Locale locale) {
        return changes.find(new ReferenceChanges.Criteria(kind, entityId, null, null), zone, 0,
                ReferenceChanges.PAGE_SIZE).stream().map(change -> entry(change, locale)).toList();
    }

    /** One change as shown on a page. */
    public Entry entry(ReferenceChanges.Change change, Locale locale) {
        return new Entry(change, named("admin.ref.kind.", change.kind(), locale),
                named("admin.ref.action.", change.action(), locale), show(change, locale));
    }

    /** A kind's or action's name; one without a name yet shown readable rather than as a message key. */
    private String named(String prefix, String code, Locale locale) {
        String name = texts.getMessage(prefix + code, null, null, locale);
        return name != null ? name : humanised(code);
    }

    Shown show(ReferenceChanges.Change change, Locale locale) {
        ChangeNames named = names.get(change.kind());
        String entityName = named == null ? change.entityId()
                : named.entityName(change.entityId(), locale).orElse(change.entityId());
        JsonNode before = read(change.before());
        JsonNode after = read(change.after());
        Set<String> fields = new LinkedHashSet<>();
        fieldNames(after, fields);
        fieldNames(before, fields);
        List<FieldRow> rows = new ArrayList<>();
        for (String field : fields) {
            if (named != null && named.hidden(field)) {
                continue;
            }
            JsonNode was = value(before, field);
            JsonNode is = value(after, field);
            if (was.equals(is)) {
                continue;
            }
            rows.add(new FieldRow(field, label(change.kind(), field, locale), text(named, field, was, locale),
                    text(named, field, is, locale)));
        }
        return new Shown(entityName, rows);
    }

    /** The label of a field: its message, else its key made readable. */
    String label(String kind, String field, Locale locale) {
        String label = texts.getMessage("admin.changes.field." + kind + "." + field, null, null, locale);
        return label != null ? label : humanised(field);
    }

    /** {@code fundOfficerGroup} and {@code fund-officer_group} become "Fund officer group". */
    static String humanised(String key) {
        String words = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[-_.]+", " ").strip()
                .toLowerCase(Locale.ROOT);
        return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private String text(ChangeNames named, String field, JsonNode value, Locale locale) {
        if (value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (named != null) {
            Optional<String> text = named.value(field, value, locale);
            if (text.isPresent()) {
                return text.get();
            }
        }
        return plain(value, locale);
    }

    /** A value as recorded, with dates and yes/no in the reader's language. */
    String plain(JsonNode value, Locale locale) {
        if (value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isBoolean()) {
            return texts.getMessage(value.booleanValue() ? "admin.changes.yes" : "admin.changes.no", null, locale);
        }
        if (value.isTextual()) {
            return day(value.textValue()).map(day -> day.format(
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale))).orElse(value.textValue());
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(plain(item, locale)));
            return String.join(", ", items);
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        return value.toString();
    }

    private static Optional<LocalDate> day(String text) {
        if (text.length() != 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, ISO));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void fieldNames(JsonNode node, Set<String> fields) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                fields.add(names.next());
            }
        } else if (!node.isNull() && !node.isMissingNode()) {
            fields.add("value");
        }
    }

    private static JsonNode value(JsonNode node, String field) {
        if (node.isObject()) {
            return node.path(field).isMissingNode() ? NullNode.getInstance() : node.get(field);
        }
        return "value".equals(field) && !node.isMissingNode() ? node : NullNode.getInstance();
    }

    private JsonNode read(String text) {
        if (text == null) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }
}
