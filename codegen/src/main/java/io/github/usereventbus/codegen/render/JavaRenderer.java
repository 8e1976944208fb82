package io.github.usereventbus.codegen.render;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.github.usereventbus.codegen.model.Model;
import io.github.usereventbus.codegen.model.Model.EnumType;
import io.github.usereventbus.codegen.model.Model.EventType;
import io.github.usereventbus.codegen.model.Model.Generation;
import io.github.usereventbus.codegen.model.Model.ListOf;
import io.github.usereventbus.codegen.model.Model.MapOf;
import io.github.usereventbus.codegen.model.Model.Named;
import io.github.usereventbus.codegen.model.Model.ObjectType;
import io.github.usereventbus.codegen.model.Model.Scalar;
import io.github.usereventbus.codegen.model.Model.SetOf;
import io.github.usereventbus.codegen.model.Model.TypeRef;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Renders a {@link Generation} as Java source files with JavaPoet. */
public final class JavaRenderer {

    static final String RUNTIME = "io.github.usereventbus.runtime";
    static final ClassName BUS_EVENT = ClassName.get(RUNTIME, "BusEvent");
    static final ClassName EVENT_PUBLISHER = ClassName.get(RUNTIME, "EventPublisher");
    static final ClassName OUTGOING_EVENT = ClassName.get(RUNTIME, "OutgoingEvent");
    static final ClassName PUBLISH_RESULT = ClassName.get(RUNTIME, "PublishResult");

    private static final String JACKSON = "com.fasterxml.jackson.annotation";
    static final ClassName JSON_PROPERTY = ClassName.get(JACKSON, "JsonProperty");
    static final ClassName JSON_INCLUDE = ClassName.get(JACKSON, "JsonInclude");
    static final ClassName JSON_FORMAT = ClassName.get(JACKSON, "JsonFormat");
    static final ClassName JSON_VALUE = ClassName.get(JACKSON, "JsonValue");
    static final ClassName JSON_CREATOR = ClassName.get(JACKSON, "JsonCreator");
    static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    static final ClassName JSON_DESERIALIZE =
            ClassName.get("com.fasterxml.jackson.databind.annotation", "JsonDeserialize");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final ClassName LIST = ClassName.get(List.class);
    static final ClassName MAP = ClassName.get(java.util.Map.class);
    private static final ClassName COMPLETABLE_FUTURE = ClassName.get(java.util.concurrent.CompletableFuture.class);
    static final String MASK = "****";

    private final Generation generation;
    private final boolean exhaustiveHandlers;
    private final String generator;

    private final RecordRenderer records;
    private final java.util.Set<String> generatedNames = new java.util.TreeSet<>();

    /** The simple names of generated types that are also library types', which must then not be imported. */
    String[] generatedNames() {
        return generatedNames.toArray(String[]::new);
    }

    public JavaRenderer(Generation generation, String generator, boolean exhaustiveHandlers) {
        this.generation = generation;
        this.exhaustiveHandlers = exhaustiveHandlers;
        this.generator = generator;
        this.records = new RecordRenderer(generation, this);
        java.util.Set<String> all = new java.util.TreeSet<>();
        generation.events().forEach(e -> all.add(e.className()));
        generation.objects().forEach(o -> all.add(o.className()));
        generation.enums().forEach(e -> all.add(e.className()));
        generation.unions().forEach(u -> all.add(u.className()));
        all.addAll(generation.family().names());
        // only the names that are also a library type's: qualifying every generated name in every file
        // would cost each file the whole set (quadratic for a thousand events)
        for (String name : all) {
            if (LibraryNames.contains(name)) {
                generatedNames.add(name);
            }
        }
    }

    /**
     * Every file of the generation, handed over one at a time so that a caller that writes each out keeps
     * only one file's tree in memory (a thousand events' trees take hundreds of megabytes).
     */
    public void render(java.util.function.Consumer<JavaFile> sink) {
        render(name -> true, sink);
    }

    /** The files of the types {@code wanted} accepts, by class name: the family's files included. */
    public void render(java.util.function.Predicate<String> wanted, java.util.function.Consumer<JavaFile> sink) {
        UnionRenderer unionRenderer = new UnionRenderer(generation, this);
        for (EventType event : generation.events()) {
            if (wanted.test(event.className())) {
                sink.accept(file(event.detail() != null ? records.record(event.detail(), event)
                        : unionRenderer.render(event.union(), event)));
            }
        }
        for (Model.UnionType union : generation.unions()) {
            if (wanted.test(union.className())) {
                sink.accept(file(unionRenderer.render(union, null)));
            }
        }
        for (ObjectType object : generation.objects()) {
            if (wanted.test(object.className())) {
                sink.accept(file(records.record(object, null)));
            }
        }
        for (EnumType e : generation.enums()) {
            if (wanted.test(e.className())) {
                sink.accept(file(new EnumRenderer(this).enumType(e)));
            }
        }
        if (!generation.events().isEmpty()) {
            if (wanted.test(generation.family().interfaceName())) {
                sink.accept(file(familyInterface()));
            }
            if (wanted.test(generation.family().publisherName())) {
                sink.accept(file(publisher()));
            }
            new SubscriberRenderer(generation, this, exhaustiveHandlers).render(wanted, sink);
        }
    }

    /**
     * For each generated type, by class name, a digest of everything its file is made from: what every file
     * shares (package, family, generator, the names that must be qualified) and, for an event, object, enum or
     * union, its model (which names the types it refers to) and the unions it belongs to; for the family's
     * interface, publisher, handler and dispatcher, each event's class name, source and detail-type; for the
     * family's patterns, also each event's top-level properties and the enums' names. Equal keys give equal
     * files.
     */
    public java.util.Map<String, String> keys() {
        String shared = generator + "|" + generation.packageName() + "|" + generation.family() + "|"
                + generatedNames + "|" + exhaustiveHandlers;
        java.util.Map<String, String> keys = new java.util.TreeMap<>();
        // a union's reader names the constant properties of its alternatives: their models count too
        generation.events().forEach(e -> keys.put(e.className(), digest(shared + alternatives(e.union()), e,
                e.className())));
        generation.unions().forEach(u -> keys.put(u.className(), digest(shared + alternatives(u), u, u.className())));
        generation.objects().forEach(o -> keys.put(o.className(), digest(shared, o, o.className())));
        generation.enums().forEach(e -> keys.put(e.className(), digest(shared, e, e.className())));
        if (!generation.events().isEmpty()) {
            String roster = generation.events().stream()
                    .map(e -> List.of(e.className(), e.source(), e.detailType())).toList().toString();
            Model.Family family = generation.family();
            for (String name : List.of(family.interfaceName(), family.publisherName(), family.handlerName(),
                    family.dispatcherName())) {
                keys.put(name, digest(shared + "|" + name + "|" + roster));
            }
            keys.put(family.patternsName(), digest(shared + "|" + family.patternsName() + "|" + roster + "|"
                    + generation.events().stream().map(EventType::properties).toList() + "|"
                    + generation.enums().stream().map(EnumType::className).toList()));
        }
        return keys;
    }

    private String alternatives(Model.UnionType union) {
        if (union == null) {
            return "";
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        union.alternatives().forEach(a -> names.add(a.className()));
        return "|" + generation.objects().stream().filter(o -> names.contains(o.className())).toList();
    }

    private String digest(String shared, Record model, String className) {
        return digest(shared + "|" + model.getClass().getSimpleName() + "|" + model + "|"
                + generation.unionsOf(className));
    }

    private static String digest(String text) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(sha.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    JavaFile file(TypeSpec type) {
        // a generated type may share a simple name with a library type (a record named List, String or
        // Instant): JavaPoet then writes the library type fully qualified instead of importing it
        // (records are built qualifying already: toBuilder() does not keep a record's components)
        TypeSpec qualified = type.kind() == TypeSpec.Kind.RECORD ? type
                : type.toBuilder().alwaysQualify(generatedNames()).build();
        return JavaFile.builder(generation.packageName(), qualified).indent("    ").skipJavaLangImports(true).build();
    }

    AnnotationSpec generated() {
        return AnnotationSpec.builder(GENERATED).addMember("value", "$S", generator).build();
    }

    ClassName className(String simpleName) {
        return ClassName.get(generation.packageName(), simpleName);
    }

    TypeName typeName(TypeRef type) {
        if (type instanceof Scalar s) {
            switch (s.kind()) {
                case STRING:
                    return ClassName.get(String.class);
                case INTEGER:
                    return ClassName.get(Integer.class);
                case LONG:
                    return ClassName.get(Long.class);
                case BIG_INTEGER:
                    return ClassName.get(java.math.BigInteger.class);
                case DOUBLE:
                    return ClassName.get(Double.class);
                case BIG_DECIMAL:
                    return ClassName.get(java.math.BigDecimal.class);
                case BOOLEAN:
                    return ClassName.get(Boolean.class);
                case INSTANT:
                    return ClassName.get(java.time.Instant.class);
                case LOCAL_DATE:
                    return ClassName.get(java.time.LocalDate.class);
                case UUID:
                    return ClassName.get(java.util.UUID.class);
                case URI:
                    return ClassName.get(java.net.URI.class);
                default:
                    return JSON_NODE;
            }
        }
        if (type instanceof ListOf l) {
            return ParameterizedTypeName.get(LIST, typeName(l.item()));
        }
        if (type instanceof SetOf s) {
            return ParameterizedTypeName.get(ClassName.get(java.util.Set.class), typeName(s.item()));
        }
        if (type instanceof MapOf m) {
            return ParameterizedTypeName.get(MAP, ClassName.get(String.class), typeName(m.value()));
        }
        return className(((Named) type).simpleName());
    }

    // ---------------------------------------------------------------- family types

    private TypeSpec familyInterface() {
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(className(generation.family().interfaceName()))
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addAnnotation(generated())
                .addSuperinterface(BUS_EVENT)
                .addJavadoc("Every event of this contract. Sealed: a {@code switch} over it must handle each event,\n"
                        + "so a new event in the schemas shows up as a compile error where it is not handled.\n");
        for (EventType event : generation.events()) {
            type.addPermittedSubclass(className(event.className()));
        }
        return type.build();
    }

    private TypeSpec publisher() {
        ClassName family = className(generation.family().interfaceName());
        ClassName self = className(generation.family().publisherName());
        TypeName futureResult = ParameterizedTypeName.get(COMPLETABLE_FUTURE, PUBLISH_RESULT);
        TypeName events = ParameterizedTypeName.get(LIST, WildcardTypeName.subtypeOf(family));
        TypeName entries = ParameterizedTypeName.get(LIST,
                ParameterizedTypeName.get(OUTGOING_EVENT, WildcardTypeName.subtypeOf(family)));
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(generated())
                .addSuperinterface(AutoCloseable.class)
                .addJavadoc("Publishes the events of this contract, one typed method per event. Every event is\n"
                        + "validated against its schema before it is sent; see {@link $T}.\n", EVENT_PUBLISHER)
                .addField(FieldSpec.builder(EVENT_PUBLISHER, "publisher", Modifier.PRIVATE, Modifier.FINAL)
                        .addJavadoc("Where the events go.\n").build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addParameter(EVENT_PUBLISHER, "publisher")
                        .addJavadoc("A publisher of this contract's events.\n\n"
                                + "@param publisher the runtime publisher: EventBridge, or the local bus in tests\n")
                        .addStatement("this.publisher = $T.requireNonNull(publisher, $S)", java.util.Objects.class,
                                "publisher")
                        .build());
        for (EventType event : generation.events()) {
            ClassName eventClass = className(event.className());
            String name = "publish" + event.className();
            type.addMethod(MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(PUBLISH_RESULT)
                    .addParameter(eventClass, "event")
                    .addJavadoc("Publishes one {@code $L} event and waits for EventBridge's answer.\n\n"
                            + "@param event the event\n@return its result, with the id EventBridge assigned\n"
                            + "@throws $T if it was refused or could not be sent\n",
                            javadocText(event.detailType()), ClassName.get(RUNTIME, "PublishException"))
                    .addStatement("return publisher.publish(event)").build());
            type.addMethod(MethodSpec.methodBuilder(name + "Async").addModifiers(Modifier.PUBLIC)
                    .returns(futureResult).addParameter(eventClass, "event")
                    .addJavadoc("Publishes one {@code $L} event; the future completes with its result.\n\n"
                            + "@param event the event\n@return its result to come; failed if the event failed\n",
                            javadocText(event.detailType()))
                    .addStatement("return publisher.publishAsync(event)").build());
        }
        type.addMethod(MethodSpec.methodBuilder("publishAll").addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(LIST, PUBLISH_RESULT)).addParameter(events, "events")
                .addJavadoc("Publishes a mixed batch, split into as few PutEvents calls as the limits allow.\n\n"
                        + "@param events the events\n@return one result per event, in order\n"
                        + "@throws $T if any event failed; it holds every event's result\n",
                        ClassName.get(RUNTIME, "PublishException"))
                .addStatement("return publisher.publish(events.stream().map($T::of).toList())", OUTGOING_EVENT)
                .build());
        type.addMethod(MethodSpec.methodBuilder("publishAllAsync").addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(LIST, futureResult)).addParameter(events, "events")
                .addJavadoc("Publishes a mixed batch.\n\n@param events the events\n"
                        + "@return one future per event, in order\n")
                .addStatement("return publisher.publishAsync(events.stream().map($T::of).toList())", OUTGOING_EVENT)
                .build());
        type.addMethod(MethodSpec.methodBuilder("publishEntries").addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(LIST, PUBLISH_RESULT)).addParameter(entries, "entries")
                .addJavadoc("Publishes events with per-event {@code Time}, {@code Resources} or {@code TraceHeader}.\n\n"
                        + "@param entries the events with their entry options\n@return one result per event, in order\n"
                        + "@throws $T if any event failed; it holds every event's result\n",
                        ClassName.get(RUNTIME, "PublishException"))
                .addStatement("return publisher.publish(new $T<>(entries))", java.util.ArrayList.class)
                .build());
        type.addMethod(MethodSpec.methodBuilder("close").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addJavadoc("Closes the runtime publisher, flushing what it still holds.\n")
                .addStatement("publisher.close()").build());
        return type.build();
    }

    /** {@code file#} for a whole file reads better as {@code file}. */
    static String origin(String origin) {
        return origin.endsWith("#") ? origin.substring(0, origin.length() - 1) : origin;
    }

    /** Text safe inside Javadoc: no comment terminators, no unbalanced HTML, no unicode escapes. */
    static String javadocText(String text) {
        return text.replace("&", "&amp;").replace("*/", "*&#47;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("@", "&#64;").replace("\\u", "\\\\u").replace("{", "&#123;")
                .replace("}", "&#125;").strip();
    }
}
