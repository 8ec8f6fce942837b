package org.powledger.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.powledger.web.problem.HttpProblem;
import org.powledger.web.problem.ProblemError;
import org.powledger.web.problem.ProblemTypes;

/**
 * Reads a request's JSON body into a DTO: {@code Content-Type} must be {@code application/json}
 * (415), the body at most {@link #MAX_BODY_BYTES} (413, also when sent chunked), well-formed JSON
 * (400) that fits the DTO (422); every problem names its place as a JSON Pointer.
 */
public final class JsonBodies {

    public static final long MAX_BODY_BYTES = 1024L * 1024L;

    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A DTO written back as JSON the same way every time: what a request meant, whatever its spacing. */
    public byte[] canonical(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a request body read by this mapper can be written by it", e);
        }
    }

    public <T> T read(Context ctx, Class<T> type) {
        requireJsonContentType(ctx.header("Content-Type"));
        return parse(readBounded(ctx), type);
    }

    /**
     * The bytes of a body already read, as a DTO: strict UTF-8, well-formed JSON (400) that fits the
     * DTO (422). Every failure is an {@link HttpProblem}; nothing else escapes.
     */
    public <T> T parse(byte[] body, Class<T> type) {
        if (isBlank(body)) {
            throw HttpProblem.badRequest(ProblemTypes.MALFORMED_JSON, "The request needs a JSON object as its body",
                    List.of(ProblemError.at("", "a JSON object is required")));
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (IOException e) {
            HttpProblem problem = problemOf(e);
            if (problem.status() == 422) {
                requireUtf8(body); // bytes that are not UTF-8 are a 400 before any mismatch in them
            }
            throw problem;
        }
        // Jackson names the place of most bad bytes itself; what it lets through (overlong forms,
        // UTF-16 it detected on its own) is refused here.
        requireUtf8(body);
        if (value == null) {
            throw HttpProblem.invalidBody("The body must be a JSON object",
                    List.of(ProblemError.at("", "must be a JSON object")));
        }
        return value;
    }

    /**
     * What a failure to read JSON into a DTO means for the client: 400 for bytes that are not one
     * well-formed JSON value, 422 for JSON that does not fit; {@code errors} name the place. Also
     * used for the lines of an import, which are read with the same rules.
     */
    public static HttpProblem problemOf(IOException failure) {
        if (failure instanceof DatabindException e) {
            return mappingProblem(e);
        }
        if (failure instanceof InputCoercionException e) {
            return HttpProblem.invalidBody("A number in the request is out of range",
                    List.of(ProblemError.at(pointerOf(e), "is out of range")));
        }
        if (failure instanceof StreamConstraintsException e) {
            return HttpProblem.badRequest(ProblemTypes.MALFORMED_JSON, "The JSON exceeds a processing limit: "
                    + e.getOriginalMessage(), List.of(ProblemError.at("", e.getOriginalMessage())));
        }
        if (failure instanceof StreamReadException e) {
            return syntaxProblem(e);
        }
        return HttpProblem.badRequest(ProblemTypes.MALFORMED_JSON, "The request body could not be read", List.of());
    }

    /**
     * Strict UTF-8: Jackson's own decoder detects UTF-16/32 by itself and lets overlong forms through
     * ({@code C0 AF} read as {@code /}), so the bytes are checked first: anything else is a 400.
     */
    static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw HttpProblem.badRequest(ProblemTypes.MALFORMED_JSON, "The request body is not valid UTF-8",
                    List.of(ProblemError.at("", "must be UTF-8")));
        }
    }

    static void requireJsonContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("The request has no Content-Type; send application/json");
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw unsupported("Content-Type " + parts[0].strip() + " is not accepted here; send application/json");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param[0].strip().equalsIgnoreCase("charset")) {
                String charset = param.length < 2 ? "" : param[1].strip().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8")) {
                    throw unsupported("JSON is read as UTF-8 only, not charset " + charset);
                }
            }
        }
    }

    private static HttpProblem unsupported(String detail) {
        return HttpProblem.of(415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", detail)
                .withHeader("Accept-Post", "application/json");
    }

    private static byte[] readBounded(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > MAX_BODY_BYTES) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw HttpProblem.badRequest(ProblemTypes.MALFORMED_JSON, "The request body could not be read", List.of());
        }
    }

    private static HttpProblem tooLarge() {
        return HttpProblem.of(413, ProblemTypes.BODY_TOO_LARGE, "Content Too Large",
                "The request body is larger than " + MAX_BODY_BYTES + " bytes (1 MiB)");
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static HttpProblem syntaxProblem(StreamReadException e) {
        String message = e.getOriginalMessage();
        String pointer = pointerOf(e);
        String what = message != null && message.startsWith("Duplicate") ? "is a duplicate key" : "is not well-formed JSON";
        String location = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return HttpProblem.badRequest(ProblemTypes.MALFORMED_JSON,
                "The request body is not well-formed JSON" + location + ": " + firstLine(message),
                List.of(ProblemError.at(pointer, what)));
    }

    private static HttpProblem mappingProblem(DatabindException e) {
        String pointer = pointerOf(e);
        String message;
        if (e.getCause() instanceof InputCoercionException) {
            return HttpProblem.invalidBody("A number in the request is out of range",
                    List.of(ProblemError.at(pointer, "is out of range")));
        }
        if (e.getCause() instanceof StreamReadException syntax) {
            return HttpProblem.badRequest(ProblemTypes.MALFORMED_JSON, "The request body is not well-formed JSON: "
                    + firstLine(syntax.getOriginalMessage()), List.of(ProblemError.at(pointer, "is not well-formed JSON")));
        }
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith("Trailing token")) {
            return HttpProblem.badRequest(ProblemTypes.MALFORMED_JSON,
                    "The request body has content after its JSON value", List.of(ProblemError.at("", "must be one JSON value with nothing after it")));
        }
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof MismatchedInputException mismatch) {
            message = expectation(mismatch.getTargetType(), e);
        } else {
            message = "cannot be read";
        }
        return HttpProblem.invalidBody("The request body does not fit the record: " + pointer + " " + message,
                List.of(ProblemError.at(pointer, message)));
    }

    private static String expectation(Class<?> target, DatabindException e) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == short.class) {
            return "must be a whole number";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == LocalDate.class) {
            return "must be a date YYYY-MM-DD";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        if (e instanceof InvalidFormatException) {
            return "has the wrong type";
        }
        return "must be an object";
    }

    /** The JSON Pointer of the place a mapping exception names, e.g. {@code /breakdown/2/count}. */
    static String pointerOf(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/');
            if (ref.getFieldName() != null) {
                pointer.append(escape(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                pointer.append(ref.getIndex());
            } else {
                pointer.append('-');
            }
        }
        return pointer.toString();
    }

    private static String pointerOf(DatabindException e) {
        return e instanceof JsonMappingException jme ? pointerOf(jme) : "";
    }

    /** Where the parser stood when it failed, as a JSON Pointer. */
    private static String pointerOf(StreamReadException e) {
        JsonParser parser = e.getProcessor();
        if (parser != null) {
            JsonStreamContext context = parser.getParsingContext();
            if (context != null) {
                return context.pathAsPointer().toString();
            }
        }
        return "";
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
