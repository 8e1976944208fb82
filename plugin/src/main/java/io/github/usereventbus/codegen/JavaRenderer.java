package io.github.usereventbus.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.github.usereventbus.codegen.Model.EnumConstant;
import io.github.usereventbus.codegen.Model.EnumType;
import io.github.usereventbus.codegen.Model.EventType;
import io.github.usereventbus.codegen.Model.Generation;
import io.github.usereventbus.codegen.Model.ListOf;
import io.github.usereventbus.codegen.Model.MapOf;
import io.github.usereventbus.codegen.Model.Named;
import io.github.usereventbus.codegen.Model.ObjectType;
import io.github.usereventbus.codegen.Model.Property;
import io.github.usereventbus.codegen.Model.Scalar;
import io.github.usereventbus.codegen.Model.SetOf;
import io.github.usereventbus.codegen.Model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Renders a {@link Generation} as Java source files with JavaPoet. */
final class JavaRenderer {

    static final String RUNTIME = "io.github.usereventbus.runtime";
    static final ClassName BUS_EVENT = ClassName.get(RUNTIME, "BusEvent");
    static final ClassName EVENT_PUBLISHER = ClassName.get(RUNTIME, "EventPublisher");
    static final ClassName OUTGOING_EVENT = ClassName.get(RUNTIME, "OutgoingEvent");
    static final ClassName PUBLISH_RESULT = ClassName.get(RUNTIME, "PublishResult");

    private static final String JACKSON = "com.fasterxml.jackson.annotation";
    private static final ClassName JSON_PROPERTY = ClassName.get(JACKSON, "JsonProperty");
    private static final ClassName JSON_INCLUDE = ClassName.get(JACKSON, "JsonInclude");
    private static final ClassName JSON_FORMAT = ClassName.get(JACKSON, "JsonFormat");
    private static final ClassName JSON_VALUE = ClassName.get(JACKSON, "JsonValue");
    private static final ClassName JSON_CREATOR = ClassName.get(JACKSON, "JsonCreator");
    private static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    private static final ClassName JSON_DESERIALIZE =
            ClassName.get("com.fasterxml.jackson.databind.annotation", "JsonDeserialize");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName MAP = ClassName.get(java.util.Map.class);
    private static final ClassName COMPLETABLE_FUTURE = ClassName.get(java.util.concurrent.CompletableFuture.class);
    static final String MASK = "****";

    private final Generation generation;
    private final String generator;

    JavaRenderer(Generation generation, String generator) {
        this.generation = generation;
        this.generator = generator;
    }

    /** Every file of the generation, ordered by type name. */
    List<JavaFile> render() {
        List<JavaFile> files = new ArrayList<>();
        for (EventType event : generation.events()) {
            files.add(file(record(event.detail(), event)));
        }
        for (ObjectType object : generation.objects()) {
            files.add(file(record(object, null)));
        }
        for (EnumType e : generation.enums()) {
            files.add(file(enumType(e)));
        }
        if (!generation.events().isEmpty()) {
            files.add(file(familyInterface()));
            files.add(file(publisher()));
            files.addAll(new SubscriberRenderer(generation, this).render());
        }
        files.sort(java.util.Comparator.comparing(f -> f.typeSpec().name()));
        return files;
    }

    JavaFile file(TypeSpec type) {
        return JavaFile.builder(generation.packageName(), type).indent("    ").skipJavaLangImports(true).build();
    }

    AnnotationSpec generated() {
        return AnnotationSpec.builder(GENERATED).addMember("value", "$S", generator).build();
    }

    ClassName className(String simpleName) {
        return ClassName.get(generation.packageName(), simpleName);
    }

    // ---------------------------------------------------------------- records

    private TypeSpec record(ObjectType object, EventType event) {
        ClassName self = className(object.className());
        ClassName builderName = self.nestedClass("Builder");
        TypeSpec.Builder type = TypeSpec.recordBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(generated())
                .addAnnotation(AnnotationSpec.builder(JSON_INCLUDE)
                        .addMember("value", "$T.Include.NON_NULL", JSON_INCLUDE).build());
        CodeBlock.Builder javadoc = CodeBlock.builder();
        if (!object.description().isBlank()) {
            javadoc.add("$L\n\n", javadocText(object.description()));
        }
        if (event != null) {
            javadoc.add("<p>The detail of the EventBridge event {@code $L} from {@code $L}.\n",
                    javadocText(event.detailType()), javadocText(event.source()));
        }
        javadoc.add("<p>Generated from {@code $L}; do not edit.\n", javadocText(origin(object.origin())));
        if (!object.properties().isEmpty()) {
            javadoc.add("\n");
        }
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        CodeBlock.Builder body = CodeBlock.builder();
        List<Property> required = object.properties().stream().filter(Property::required).toList();
        if (!required.isEmpty()) {
            body.addStatement("String missing = $S", "");
            for (Property p : required) {
                body.beginControlFlow("if ($N == null)", p.javaName())
                        .addStatement("missing += $S", " " + describe(p))
                        .endControlFlow();
            }
            body.beginControlFlow("if (!missing.isEmpty())")
                    .addStatement("throw new $T($S + missing)", IllegalArgumentException.class,
                            object.className() + " is missing required properties:")
                    .endControlFlow();
        }
        for (Property p : object.properties()) {
            TypeName t = typeName(p.type());
            ParameterSpec.Builder param = ParameterSpec.builder(t, p.javaName())
                    .addAnnotation(AnnotationSpec.builder(JSON_PROPERTY).addMember("value", "$S", p.jsonName()).build());
            if (p.type() instanceof SetOf) {
                // Jackson's default set would lose the order of the JSON array
                param.addAnnotation(AnnotationSpec.builder(JSON_DESERIALIZE)
                        .addMember("as", "$T.class", java.util.LinkedHashSet.class).build());
            }
            if (isTemporal(p.type())) {
                param.addAnnotation(AnnotationSpec.builder(JSON_FORMAT)
                        .addMember("shape", "$T.Shape.STRING", JSON_FORMAT).build());
            }
            constructor.addParameter(param.build());
            CodeBlock copy = defensiveCopy(p.type(), CodeBlock.of("$N", p.javaName()));
            if (copy != null) {
                body.addStatement("$N = $N == null ? null : $L", p.javaName(), p.javaName(), copy);
            }
            if (p.type() instanceof Scalar s && s.kind() == Model.ScalarKind.JSON) {
                type.addMethod(MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC).returns(t)
                        .addJavadoc("Returns a copy: the tree held here cannot be changed from outside.\n\n"
                                + "@return a copy of {@code $L}, or null\n", javadocText(p.jsonName()))
                        .addStatement("return $N == null ? null : $N.deepCopy()", p.javaName(), p.javaName())
                        .build());
            }
            javadoc.add("@param $N $L\n", p.javaName(), propertyDoc(p));
        }
        type.recordConstructor(constructor.build());
        CodeBlock checks = body.build();
        if (!checks.isEmpty()) {
            boolean copies = object.properties().stream()
                    .anyMatch(p -> defensiveCopy(p.type(), CodeBlock.of("x")) != null);
            CodeBlock.Builder doc = CodeBlock.builder().add(required.isEmpty()
                    ? "Copies collections and JSON trees, so that this object cannot be changed from outside.\n\n"
                    : copies ? "Checks the required properties, and copies collections and JSON trees so that this\n"
                            + "object cannot be changed from outside.\n\n"
                    : "Checks the required properties.\n\n");
            for (Property p : object.properties()) {
                doc.add("@param $N $L\n", p.javaName(), propertyDoc(p));
            }
            if (!required.isEmpty()) {
                doc.add("@throws IllegalArgumentException naming every required property that is null\n");
            }
            type.addMethod(MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC).addJavadoc(doc.build())
                    .addCode(checks).build());
        }
        type.addJavadoc(javadoc.build());

        if (event != null) {
            type.addSuperinterface(className(generation.family().interfaceName()));
            addConstant(type, "SOURCE", event.source(), "The EventBridge {@code Source} of this event.");
            addConstant(type, "DETAIL_TYPE", event.detailType(), "The EventBridge {@code DetailType} of this event.");
            addConstant(type, "SCHEMA", event.schemaResource(), "Where this event's JSON Schema lies on the classpath.");
            type.addMethod(constantGetter("eventSource", "SOURCE"));
            type.addMethod(constantGetter("eventDetailType", "DETAIL_TYPE"));
            type.addMethod(constantGetter("eventSchema", "SCHEMA"));
        }
        if (object.properties().stream().anyMatch(Property::sensitive)) {
            type.addMethod(maskingToString(object));
        }
        type.addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builderName).addJavadoc("A builder; {@code build()} checks the required properties.\n\n"
                        + "@return a new, empty builder\n")
                .addStatement("return new $T()", builderName).build());
        type.addMethod(MethodSpec.methodBuilder("toBuilder").addModifiers(Modifier.PUBLIC)
                .returns(builderName).addJavadoc("A builder holding this object's values, to make a changed copy.\n\n"
                        + "@return a builder with every value of this object\n")
                .addStatement("return new $T(this)", builderName).build());
        type.addType(builder(object, self, builderName));
        return type.build();
    }

    private static String describe(Property p) {
        return p.jsonName().equals(p.javaName()) ? p.javaName() : p.javaName() + " (\"" + p.jsonName() + "\")";
    }

    private static String propertyDoc(Property p) {
        String doc = p.description().isBlank() ? "The {@code " + javadocText(p.jsonName()) + "} property."
                : javadocText(p.description());
        if (!doc.endsWith(".")) {
            doc += ".";
        }
        if (p.required()) {
            doc += " Required.";
        }
        if (p.sensitive()) {
            doc += " Sensitive: never shown by {@code toString}.";
        }
        return doc;
    }

    private static void addConstant(TypeSpec.Builder type, String name, String value, String doc) {
        type.addField(FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", value).addJavadoc(doc + "\n").build());
    }

    private static MethodSpec constantGetter(String name, String constant) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class).addStatement("return $N", constant).build();
    }

    private MethodSpec maskingToString(ObjectType object) {
        CodeBlock.Builder expr = CodeBlock.builder().add("$S", object.className() + "[");
        boolean first = true;
        for (Property p : object.properties()) {
            String label = (first ? "" : ", ") + p.javaName() + "=";
            first = false;
            if (p.sensitive()) {
                expr.add("\n+ $S + ($N == null ? $S : $S)", label, p.javaName(), "null", MASK);
            } else {
                expr.add("\n+ $S + $N", label, p.javaName());
            }
        }
        expr.add("\n+ $S", "]");
        return MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addJavadoc("Shows every property but the sensitive ones, whose values are masked.\n\n"
                        + "@return the properties, sensitive values as {@code $L}\n", MASK)
                .addStatement("return $L", expr.build()).build();
    }

    private TypeSpec builder(ObjectType object, ClassName self, ClassName builderName) {
        TypeSpec.Builder builder = TypeSpec.classBuilder(builderName)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds a {@link $T}; the builder itself is not thread-safe.\n", self)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                        .addJavadoc("An empty builder; see {@link $T#builder()}.\n", self).build());
        MethodSpec.Builder copying = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addParameter(self, "source")
                .addJavadoc("A builder with the values of {@code source}; see {@link $T#toBuilder()}.\n\n"
                        + "@param source the object to copy\n", self);
        List<CodeBlock> args = new ArrayList<>();
        for (Property p : object.properties()) {
            TypeName t = typeName(p.type());
            builder.addField(FieldSpec.builder(t, p.javaName(), Modifier.PRIVATE)
                    .addJavadoc("The value of {@code $L} so far.\n", javadocText(p.jsonName())).build());
            copying.addStatement("this.$N = source.$N", p.javaName(), p.javaName());
            builder.addMethod(MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC)
                    .returns(builderName).addParameter(t, p.javaName())
                    .addJavadoc("Sets {@code $L}: $L\n\n@param $N the value, or null to leave it out\n"
                            + "@return this builder\n", javadocText(p.jsonName()), propertyDoc(p), p.javaName())
                    .addStatement("this.$N = $N", p.javaName(), p.javaName())
                    .addStatement("return this").build());
            args.add(CodeBlock.of("$N", p.javaName()));
        }
        builder.addMethod(copying.build());
        builder.addMethod(MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("Builds the object from the values set.\n\n@return a new {@link $T}\n"
                        + "@throws IllegalArgumentException if a required property is missing\n", self)
                .addStatement("return new $T($L)", self, CodeBlock.join(args, ", ")).build());
        return builder.build();
    }

    private static CodeBlock defensiveCopy(TypeRef type, CodeBlock value) {
        if (type instanceof ListOf) {
            return CodeBlock.of("$T.unmodifiableList(new $T<>($L))", java.util.Collections.class,
                    java.util.ArrayList.class, value);
        }
        if (type instanceof SetOf) {
            return CodeBlock.of("$T.unmodifiableSet(new $T<>($L))", java.util.Collections.class,
                    java.util.LinkedHashSet.class, value);
        }
        if (type instanceof MapOf) {
            return CodeBlock.of("$T.unmodifiableMap(new $T<>($L))", java.util.Collections.class,
                    java.util.LinkedHashMap.class, value);
        }
        if (type instanceof Scalar s && s.kind() == Model.ScalarKind.JSON) {
            return CodeBlock.of("$L.deepCopy()", value);
        }
        return null;
    }

    private static boolean isTemporal(TypeRef type) {
        return type instanceof Scalar s
                && (s.kind() == Model.ScalarKind.INSTANT || s.kind() == Model.ScalarKind.LOCAL_DATE);
    }

    TypeName typeName(TypeRef type) {
        if (type instanceof Scalar s) {
            switch (s.kind()) {
                case STRING:
                    return ClassName.get(String.class);
                case LONG:
                    return ClassName.get(Long.class);
                case BIG_INTEGER:
                    return ClassName.get(java.math.BigInteger.class);
                case DOUBLE:
                    return ClassName.get(Double.class);
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

    // ---------------------------------------------------------------- enums

    private TypeSpec enumType(EnumType e) {
        ClassName self = className(e.className());
        TypeSpec.Builder type = TypeSpec.enumBuilder(self).addModifiers(Modifier.PUBLIC).addAnnotation(generated());
        if (!e.description().isBlank()) {
            type.addJavadoc("$L\n\n", javadocText(e.description()));
        }
        type.addJavadoc("<p>Generated from {@code $L}; do not edit.\n", javadocText(origin(e.origin())));
        for (EnumConstant c : e.constants()) {
            type.addEnumConstant(c.javaName(), TypeSpec.anonymousClassBuilder("$S", c.value())
                    .addJavadoc("The JSON value {@code $L}.\n", javadocText(c.value())).build());
        }
        type.addField(FieldSpec.builder(String.class, "value", Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("The value as it stands in JSON.\n").build());
        type.addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "value")
                .addJavadoc("A constant with its JSON value.\n\n@param value the value as it stands in JSON\n")
                .addStatement("this.value = value").build());
        type.addMethod(MethodSpec.methodBuilder("value").addModifiers(Modifier.PUBLIC).returns(String.class)
                .addAnnotation(JSON_VALUE).addJavadoc("The value as it stands in JSON.\n\n@return the JSON value\n")
                .addStatement("return value").build());
        type.addMethod(MethodSpec.methodBuilder("fromValue").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self).addAnnotation(JSON_CREATOR).addParameter(String.class, "value")
                .addJavadoc("The constant for a JSON value.\n\n@param value the value as it stands in JSON\n"
                        + "@return the constant with that value\n"
                        + "@throws IllegalArgumentException if no constant has that value\n")
                .beginControlFlow("for ($T constant : values())", self)
                .beginControlFlow("if (constant.value.equals(value))")
                .addStatement("return constant")
                .endControlFlow()
                .endControlFlow()
                .addStatement("throw new $T($S + value + $S + $T.stream(values()).map($T::value).toList())",
                        IllegalArgumentException.class, "'", "' is not a " + e.className() + "; expected one of ",
                        java.util.Arrays.class, self)
                .build());
        type.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(String.class)
                .addJavadoc("The value as it stands in JSON.\n\n@return the JSON value\n")
                .addStatement("return value").build());
        return type.build();
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
            type.addPermittedSubclass(className(event.detail().className()));
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
            ClassName eventClass = className(event.detail().className());
            String name = "publish" + event.detail().className();
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
    private static String origin(String origin) {
        return origin.endsWith("#") ? origin.substring(0, origin.length() - 1) : origin;
    }

    /** Text safe inside Javadoc: no comment terminators, no unbalanced HTML, no unicode escapes. */
    static String javadocText(String text) {
        return text.replace("&", "&amp;").replace("*/", "*&#47;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("@", "&#64;").replace("\\u", "\\\\u").replace("{", "&#123;")
                .replace("}", "&#125;").strip();
    }
}
