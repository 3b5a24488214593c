package dk.initiativ.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import org.springframework.stereotype.Component;

/**
 * What the JSON API reads, beyond the JSON itself (Spring Boot adds this module to its object mapper): a value outside
 * these limits is the caller's bad input, answered with the field's name (400), not stored changed or read for minutes.
 * <ul>
 * <li>a decimal number with at most 15 digits before and 15 after the point ({@link DecimalLimits});</li>
 * <li>a day of a year the database holds (1000-9999, {@link IsoDates#storable});</li>
 * <li>text without a lone surrogate ({@code "\ud800"} is valid JSON but no character: the database would store a
 *     question mark instead).</li>
 * </ul>
 */
@Component
class JsonInputLimits extends SimpleModule {

    JsonInputLimits() {
        super("initiativ-input-limits");
        addDeserializer(BigDecimal.class, new JsonDeserializer<>() {
            @Override
            public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
                if (value != null && !DecimalLimits.held(value)) {
                    throw InvalidFormatException.from(parser, "A number with more than " + DecimalLimits.MAX_DIGITS
                            + " digits before or after the point", parser.getText(), BigDecimal.class);
                }
                return value;
            }
        });
        addDeserializer(LocalDate.class, new JsonDeserializer<>() {
            @Override
            public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                LocalDate day = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
                if (day != null && !IsoDates.storable(day)) {
                    throw InvalidFormatException.from(parser, "A day outside the years 1000-9999", parser.getText(),
                            LocalDate.class);
                }
                return day;
            }
        });
        addDeserializer(String.class, new JsonDeserializer<>() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = StringDeserializer.instance.deserialize(parser, context);
                if (text != null && hasLoneSurrogate(text)) {
                    throw InvalidFormatException.from(parser, "Text with a lone surrogate (no character)", text,
                            String.class);
                }
                return text;
            }
        });
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
