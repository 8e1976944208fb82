package io.github.usereventbus.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.KeywordFactory;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Validates event details against the schemas the generator copied onto the classpath. Each schema is
 * compiled once and cached; {@code format} is asserted (uuid, email, date-time...), which from draft
 * 2019-09 on is not the default. Thread-safe. The plugin checks schemas and examples with the same
 * configuration ({@link #newRegistry}), so build time and run time agree.
 */
public final class SchemaValidator {

    /**
     * Iglu's self-describing dialect (Snowplow, iglucentral.com): draft 04 plus a {@code self} keyword
     * naming the schema ({@code vendor}, {@code name}, {@code format}, {@code version}). Read as draft 04.
     */
    public static final String IGLU_SELF_DESCRIBING =
            "http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#";

    private final SchemaRegistry registry;
    private final ConcurrentMap<String, Schema> schemas = new ConcurrentHashMap<>();

    /** A validator that loads schemas from the classpath. */
    public SchemaValidator() {
        this.registry = newRegistry(null);
    }

    /** Formats and keywords most event schemas use: compiling and running it loads and initialises them. */
    private static final String WARM_UP = "{\"type\":\"object\",\"required\":[\"a\"],\"properties\":{"
            + "\"a\":{\"type\":\"string\",\"format\":\"uuid\"},\"b\":{\"type\":\"string\",\"format\":\"email\","
            + "\"maxLength\":254},\"c\":{\"type\":\"string\",\"format\":\"date-time\"},\"d\":{\"type\":\"string\","
            + "\"pattern\":\"^[a-z]+$\"},\"e\":{\"enum\":[\"x\"]},\"f\":{\"type\":\"array\",\"items\":"
            + "{\"type\":\"integer\",\"minimum\":0}},\"g\":{\"type\":[\"string\",\"null\"],\"format\":\"uri\"}}}";

    /**
     * A validator made, and its library warmed up, on a thread of its own: a publisher starts it before it
     * builds its AWS client, so that the validator's one-time start (about 0.1 s in a fresh JVM) overlaps the
     * client's instead of delaying the first event.
     *
     * @return completes with the validator
     */
    public static CompletableFuture<SchemaValidator> prepareInBackground() {
        CompletableFuture<SchemaValidator> ready = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                SchemaValidator validator = new SchemaValidator();
                Schema probe = validator.registry.getSchema(SchemaLocation.of("urn:user-event-bus:warm-up"), WARM_UP,
                        InputFormat.JSON);
                probe.validate("{\"a\":\"6f1d3c1e-8a4b-4c55-9b0e-2f4a7c9d1e22\",\"b\":\"a@example.com\","
                        + "\"c\":\"2026-11-29T12:00:00Z\",\"d\":\"x\",\"e\":\"x\",\"f\":[1],\"g\":\"https://example.com\"}",
                        InputFormat.JSON);
                ready.complete(validator);
            } catch (RuntimeException | java.lang.Error e) {
                ready.completeExceptionally(e);
            }
        }, "user-event-bus-validator-warm-up");
        thread.setDaemon(true);
        thread.start();
        return ready;
    }

    /**
     * The validator configuration the generator and the runtime share: every standard dialect (2020-12 when
     * {@code $schema} is absent) and Iglu's self-describing one (as draft 04), {@code format} asserted, errors located by JSON pointer, and keywords of
     * our own or other tools ({@code x-amazon-events-*}, {@code x-sensitive}, {@code javaType}) read as
     * annotations. Nothing is fetched from the network.
     *
     * @param contents the schema text for an IRI, or null for one the registry may not know; null to load
     *                 {@code classpath:} IRIs only
     */
    public static SchemaRegistry newRegistry(Function<String, String> contents) {
        KeywordFactory annotation = (keyword, context) -> new NonValidationKeyword(keyword);
        List<Dialect> dialects = new java.util.ArrayList<>(List.of(Dialects.getDraft4(), Dialects.getDraft6(),
                        Dialects.getDraft7(), Dialects.getDraft201909(), Dialects.getDraft202012()).stream()
                .map(d -> Dialect.builder(d).unknownKeywordFactory(annotation).build())
                .toList());
        dialects.add(Dialect.builder(IGLU_SELF_DESCRIBING, Dialects.getDraft4()).unknownKeywordFactory(annotation)
                .build());
        SchemaRegistry.Builder builder = SchemaRegistry.builder()
                .dialectRegistry(new BasicDialectRegistry(dialects))
                .defaultDialectId(Dialects.getDraft202012().getId())
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .pathType(PathType.JSON_POINTER)
                        .build());
        if (contents != null) {
            builder.schemas(contents);
        }
        return builder.build();
    }

    /** One violation: where in the detail, and what. */
    public record Violation(String pointer, String message) {
    }

    /**
     * Validates a detail against the schema at a classpath location.
     *
     * @throws IllegalStateException if the schema is not on the classpath
     */
    public List<Violation> validate(String schemaResource, JsonNode detail) {
        Schema schema = schemas.computeIfAbsent(schemaResource, this::load);
        return schema.validate(detail).stream()
                .map((Error e) -> new Violation(e.getInstanceLocation().toString(), e.getMessage()))
                .toList();
    }

    private Schema load(String resource) {
        if (Thread.currentThread().getContextClassLoader().getResource(resource) == null
                && SchemaValidator.class.getClassLoader().getResource(resource) == null) {
            throw new IllegalStateException("the event schema " + resource + " is not on the classpath; are the"
                    + " generated resources (target/generated-resources/user-event-bus) packaged?");
        }
        Schema schema = registry.getSchema(SchemaLocation.of("classpath:" + resource));
        schema.initializeValidators();
        return schema;
    }
}
