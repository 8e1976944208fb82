package io.github.usereventbus.codegen.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Document;
import io.github.usereventbus.codegen.schema.SchemaCatalog.EventSchema;
import java.util.List;
import java.util.Optional;

/**
 * The EventBridge Schema Registry's keywords that make a file an event schema, and EventBridge's own rules for
 * their values: the reserved {@code aws.} prefix and the length limits of source and detail-type.
 */
public final class EventKeywords {

    public static final String SOURCE_KEYWORD = "x-amazon-events-source";
    public static final String DETAIL_TYPE_KEYWORD = "x-amazon-events-detail-type";
    static final int MAX_DETAIL_TYPE_LENGTH = 128;
    static final int MAX_SOURCE_LENGTH = 256;

    private EventKeywords() {
    }

    /** The event a document declares, empty for a shared definition or one with problems (reported). */
    static Optional<EventSchema> classify(Document doc, List<Problem> problems) {
        JsonNode root = doc.root();
        boolean hasSource = root.has(SOURCE_KEYWORD);
        boolean hasDetailType = root.has(DETAIL_TYPE_KEYWORD);
        if (!hasSource && !hasDetailType) {
            return Optional.empty();
        }
        if (hasSource != hasDetailType) {
            String missing = hasSource ? DETAIL_TYPE_KEYWORD : SOURCE_KEYWORD;
            String present = hasSource ? SOURCE_KEYWORD : DETAIL_TYPE_KEYWORD;
            problems.add(new Problem(doc.name(), "", "has " + present + " but not " + missing
                    + "; an event schema needs both, a shared definition neither"));
            return Optional.empty();
        }
        JsonNode source = root.get(SOURCE_KEYWORD);
        JsonNode detailType = root.get(DETAIL_TYPE_KEYWORD);
        boolean ok = true;
        if (!source.isTextual()) {
            problems.add(new Problem(doc.name(), "/" + SOURCE_KEYWORD, "must be a string"));
            ok = false;
        } else {
            ok &= checkSource(doc, source.asText(), problems);
        }
        if (!detailType.isTextual()) {
            problems.add(new Problem(doc.name(), "/" + DETAIL_TYPE_KEYWORD, "must be a string"));
            ok = false;
        } else {
            ok &= checkDetailType(doc, detailType.asText(), problems);
        }
        return ok ? Optional.of(new EventSchema(doc, source.asText(), detailType.asText())) : Optional.empty();
    }

    private static boolean checkSource(Document doc, String source, List<Problem> problems) {
        String pointer = "/" + SOURCE_KEYWORD;
        if (source.isBlank()) {
            problems.add(new Problem(doc.name(), pointer, "the source must not be empty"));
            return false;
        }
        if (source.startsWith("aws.")) {
            problems.add(new Problem(doc.name(), pointer, "source '" + source + "' starts with 'aws.', which"
                    + " EventBridge reserves for AWS services and refuses from custom publishers"
                    + " (NotAuthorizedForSourceException); use a reverse-DNS name such as com.example.user-service"));
            return false;
        }
        if (source.length() > MAX_SOURCE_LENGTH) {
            problems.add(new Problem(doc.name(), pointer, "source is " + source.length()
                    + " characters long; EventBridge allows at most " + MAX_SOURCE_LENGTH));
            return false;
        }
        return true;
    }

    private static boolean checkDetailType(Document doc, String detailType, List<Problem> problems) {
        String pointer = "/" + DETAIL_TYPE_KEYWORD;
        if (detailType.isBlank()) {
            problems.add(new Problem(doc.name(), pointer, "the detail-type must not be empty"));
            return false;
        }
        if (detailType.length() > MAX_DETAIL_TYPE_LENGTH) {
            problems.add(new Problem(doc.name(), pointer, "detail-type is " + detailType.length()
                    + " characters long; EventBridge allows at most " + MAX_DETAIL_TYPE_LENGTH));
            return false;
        }
        return true;
    }
}
