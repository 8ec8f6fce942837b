package org.powledger.web.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The one Jackson configuration of the HTTP API: strict on input (unknown fields, duplicate keys,
 * trailing tokens, a float or a string where a whole number belongs, a number where a string
 * belongs are all errors), dates as {@code YYYY-MM-DD}, timestamps as RFC 3339 UTC to the second,
 * decimals as plain numbers with their scale kept ({@code 35.5}, {@code -100.0}, never {@code -1E+2}),
 * also in the trees the CSV answers are written from.
 */
public final class JsonSupport {

    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private JsonSupport() {
    }

    public static ObjectMapper newMapper() {
        SimpleModule time = new SimpleModule("powledger-time");
        time.addSerializer(LocalDate.class, new DateSerializer());
        time.addDeserializer(LocalDate.class, new DateDeserializer());
        time.addSerializer(Instant.class, new TimestampSerializer());

        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .addModule(time)
                .build();
        CoercionAction fail = CoercionAction.Fail;
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, fail)
                .setCoercion(CoercionInputShape.Float, fail)
                .setCoercion(CoercionInputShape.Boolean, fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, fail)
                .setCoercion(CoercionInputShape.EmptyString, fail)
                .setCoercion(CoercionInputShape.Float, fail)
                .setCoercion(CoercionInputShape.Boolean, fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, fail)
                .setCoercion(CoercionInputShape.EmptyString, fail)
                .setCoercion(CoercionInputShape.Integer, fail);
        mapper.coercionConfigFor(LogicalType.Collection)
                .setCoercion(CoercionInputShape.EmptyString, fail);
        mapper.coercionConfigFor(LogicalType.POJO)
                .setCoercion(CoercionInputShape.EmptyString, fail);
        return mapper;
    }

    /** An RFC 3339 UTC timestamp to the second, e.g. {@code 2025-01-02T10:00:00Z}. */
    public static String timestamp(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A date exactly as {@code YYYY-MM-DD}, or empty when the text is anything else. */
    public static java.util.Optional<LocalDate> parseDate(String text) {
        if (text == null || !DATE_SHAPE.matcher(text).matches()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(LocalDate.parse(text, STRICT_DATE));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static final class DateSerializer extends StdSerializer<LocalDate> {
        DateSerializer() {
            super(LocalDate.class);
        }

        @Override
        public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }

    /** Only a string {@code YYYY-MM-DD} is a date: no arrays, numbers, times or lenient forms. */
    private static final class DateDeserializer extends StdDeserializer<LocalDate> {
        DateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            java.util.Optional<LocalDate> date = parseDate(text);
            if (date.isPresent()) {
                return date.get();
            }
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date YYYY-MM-DD");
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    private static final class TimestampSerializer extends StdSerializer<Instant> {
        TimestampSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(timestamp(value));
        }
    }
}
