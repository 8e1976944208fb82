package io.github.usereventbus.codegen.render;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.usereventbus.codegen.model.Identifiers;
import io.github.usereventbus.codegen.model.Model.EnumType;
import io.github.usereventbus.codegen.model.Model.EventType;
import io.github.usereventbus.codegen.model.Model.Generation;
import io.github.usereventbus.codegen.model.Model.Named;
import io.github.usereventbus.codegen.model.Model.Property;
import io.github.usereventbus.codegen.model.Model.Scalar;
import io.github.usereventbus.codegen.model.Patterns;
import io.github.usereventbus.runtime.EventPattern;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Renders what subscribers need: a handler interface with one method per event, a dispatcher that
 * parses envelopes and routes them, and the event patterns as constants and typed builders.
 */
final class SubscriberRenderer {

    private static final String RUNTIME = JavaRenderer.RUNTIME;
    private static final ClassName ENVELOPE = ClassName.get(RUNTIME, "Envelope");
    private static final ClassName ENVELOPE_READER = ClassName.get(RUNTIME, "EnvelopeReader");
    private static final ClassName EVENT_PATTERN = ClassName.get(RUNTIME, "EventPattern");
    private static final ClassName ENVELOPE_HANDLER = ClassName.get(RUNTIME, "EnvelopeHandler");
    private static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");

    private final Generation generation;
    private final JavaRenderer base;
    private final Set<String> enumNames = new HashSet<>();
    private final boolean exhaustive;

    SubscriberRenderer(Generation generation, JavaRenderer base, boolean exhaustive) {
        this.generation = generation;
        this.base = base;
        this.exhaustive = exhaustive;
        generation.enums().stream().map(EnumType::className).forEach(enumNames::add);
    }

    /** The handler, dispatcher and patterns files, those {@code wanted} accepts by class name. */
    void render(java.util.function.Predicate<String> wanted, java.util.function.Consumer<JavaFile> sink) {
        if (wanted.test(generation.family().handlerName())) {
            sink.accept(base.file(handler()));
        }
        if (wanted.test(generation.family().dispatcherName())) {
            sink.accept(base.file(dispatcher()));
        }
        if (wanted.test(generation.family().patternsName())) {
            sink.accept(base.file(patterns()));
        }
    }

    private TypeName envelopeOf(TypeName detail) {
        return ParameterizedTypeName.get(ENVELOPE, detail);
    }

    private TypeSpec handler() {
        ClassName family = base.className(generation.family().interfaceName());
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(base.className(generation.family().handlerName()))
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(base.generated());
        if (exhaustive) {
            type.addJavadoc("Handles the events of this contract, one method per event. A new event in the schemas\n"
                    + "adds a method here: every handler then fails to compile until it handles it.\n"
                    + "Pass an implementation to {@link $T#dispatch}.\n",
                    base.className(generation.family().dispatcherName()));
        } else {
            type.addJavadoc("Handles the events of this contract, one method per event. Override the methods of the\n"
                    + "events you handle; the others call {@link #onUnhandled}, so a contract that gains an event\n"
                    + "does not break this handler's build. Pass an implementation to {@link $T#dispatch}.\n",
                    base.className(generation.family().dispatcherName()));
        }
        for (EventType event : generation.events()) {
            ClassName detail = base.className(event.className());
            MethodSpec.Builder method = MethodSpec.methodBuilder("on" + event.className())
                    .addParameter(envelopeOf(detail), "envelope")
                    .addJavadoc("Handles a {@code $L} event from {@code $L}.$L\n\n@param envelope the event, its detail typed\n",
                            JavaRenderer.javadocText(event.detailType()), JavaRenderer.javadocText(event.source()),
                            exhaustive ? "" : " Unless overridden, passes it to\n{@link #onUnhandled}.");
            if (exhaustive) {
                method.addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT);
            } else {
                method.addModifiers(Modifier.PUBLIC, Modifier.DEFAULT).addStatement("onUnhandled(envelope)");
            }
            type.addMethod(method.build());
        }
        if (!exhaustive) {
            type.addMethod(MethodSpec.methodBuilder("onUnhandled").addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                    .addParameter(ParameterizedTypeName.get(ENVELOPE, com.palantir.javapoet.WildcardTypeName
                            .subtypeOf(family)), "envelope")
                    .addJavadoc("An event of this contract whose method this handler does not override. Ignored unless\n"
                            + "overridden: a subscriber's rule usually delivers only what it handles.\n\n"
                            + "@param envelope the event, its detail typed\n")
                    .build());
        }
        type.addMethod(MethodSpec.methodBuilder("onUnknownEvent").addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .addParameter(envelopeOf(JavaRenderer.BUS_EVENT), "envelope")
                .addJavadoc("An event this contract does not know, for example one the producer added since; its\n"
                        + "detail is in {@code envelope.rawDetail()}. Ignored unless overridden; never called by a\n"
                        + "strict dispatcher, which refuses such events.\n\n"
                        + "@param envelope the event; its {@code detail()} is null\n")
                .build());
        return type.build();
    }

    private TypeSpec dispatcher() {
        ClassName self = base.className(generation.family().dispatcherName());
        ClassName handler = base.className(generation.family().handlerName());
        TypeName envelope = envelopeOf(JavaRenderer.BUS_EVENT);
        CodeBlock.Builder reader = CodeBlock.builder().add("return $T.builder().strict(strict).validate(validate)", ENVELOPE_READER);
        for (EventType event : generation.events()) {
            ClassName detail = base.className(event.className());
            reader.add("\n.event($T.SOURCE, $T.DETAIL_TYPE, $T.SCHEMA, $T.class)", detail, detail, detail, detail);
        }
        reader.add("\n.build()");
        MethodSpec.Builder route = MethodSpec.methodBuilder("dispatch").addModifiers(Modifier.PUBLIC)
                .addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class)
                        .addMember("value", "$S", "unchecked").build())
                .addParameter(envelope, "envelope").addParameter(handler, "handler")
                .addJavadoc("Routes a parsed envelope to the handler's method for its event.\n\n"
                        + "@param envelope an envelope from {@code parse}\n@param handler receives the event\n")
                .addStatement("$T detail = envelope.detail()", JavaRenderer.BUS_EVENT);
        for (EventType event : generation.events()) {
            ClassName detail = base.className(event.className());
            route.beginControlFlow("if (detail instanceof $T)", detail)
                    .addStatement("handler.on$L(($T) ($T<?>) envelope)", event.className(), envelopeOf(detail), ENVELOPE)
                    .addStatement("return")
                    .endControlFlow();
        }
        route.addStatement("handler.onUnknownEvent(envelope)");
        return TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(base.generated())
                .addJavadoc("Parses EventBridge envelopes (an SQS message body, a Lambda input, a string) into typed\n"
                        + "envelopes and routes them to a {@link $T}. Thread-safe.\n\n"
                        + "<p>{@link #tolerant()} accepts unknown detail-types, detail fields and enum values, as a\n"
                        + "subscriber must when the producer adds an optional field, an enum value or a new event;\n"
                        + "{@link #strict()} refuses them all.\n", handler)
                .addField(FieldSpec.builder(ENVELOPE_READER, "reader", Modifier.PRIVATE, Modifier.FINAL)
                        .addJavadoc("Reads envelopes into this contract's types.\n").build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                        .addJavadoc("A dispatcher with its reader.\n\n@param reader reads envelopes\n")
                        .addParameter(ENVELOPE_READER, "reader").addStatement("this.reader = reader").build())
                .addMethod(MethodSpec.methodBuilder("tolerant").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(self).addJavadoc("Tolerates unknown detail-types, fields and enum values (read as the enum's\n"
                                + "{@code $L} constant); does not validate.\n\n"
                                + "@return a tolerant dispatcher\n", EnumRenderer.UNRECOGNISED)
                        .addStatement("return new $T(reader(false, false))", self).build())
                .addMethod(MethodSpec.methodBuilder("strict").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(self).addJavadoc("Refuses unknown detail-types, detail fields and enum values.\n\n"
                                + "@return a strict dispatcher\n")
                        .addStatement("return new $T(reader(true, false))", self).build())
                .addMethod(MethodSpec.methodBuilder("create").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(self).addParameter(boolean.class, "strict").addParameter(boolean.class, "validate")
                        .addJavadoc("A dispatcher with both choices made.\n\n@param strict   refuse unknown detail-types and fields\n"
                                + "@param validate validate each detail against its schema on receipt\n"
                                + "@return a dispatcher so configured\n")
                        .addStatement("return new $T(reader(strict, validate))", self).build())
                .addMethod(MethodSpec.methodBuilder("reader").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .returns(ENVELOPE_READER).addParameter(boolean.class, "strict")
                        .addJavadoc("The reader of this contract's events.\n\n@param strict refuse unknown detail-types and"
                                + " fields\n@param validate validate details on receipt\n@return the reader\n")
                        .addParameter(boolean.class, "validate").addStatement("$L", reader.build()).build())
                .addMethod(parse(envelope, String.class, "json text"))
                .addMethod(parse(envelope, InputStream.class, "a stream of JSON, such as a Lambda input"))
                .addMethod(parse(envelope, JSON_NODE, "a JSON tree"))
                .addMethod(MethodSpec.methodBuilder("dispatch").addModifiers(Modifier.PUBLIC)
                        .addParameter(String.class, "json").addParameter(handler, "handler")
                        .addJavadoc("Parses an envelope and routes it to the handler.\n\n@param json the envelope as JSON text\n"
                                + "@param handler receives the event\n"
                                + "@throws $T if it cannot be read\n", ClassName.get(RUNTIME, "EnvelopeException"))
                        .addStatement("dispatch(parse(json), handler)").build())
                .addMethod(route.build())
                .addMethod(MethodSpec.methodBuilder("routingTo").addModifiers(Modifier.PUBLIC)
                        .returns(ENVELOPE_HANDLER).addParameter(handler, "handler")
                        .addJavadoc("An {@link $T} that parses each envelope and routes it to the handler: what the\n"
                                + "subscriber adapters take (AWS Lambda handlers, the SQS consumer).\n\n"
                                + "@param handler receives each event of this contract\n"
                                + "@return parses and routes; throws {@link $T} for an envelope it cannot read\n",
                                ENVELOPE_HANDLER, ClassName.get(RUNTIME, "EnvelopeException"))
                        .addStatement("$T.requireNonNull(handler, $S)", java.util.Objects.class, "handler")
                        .addStatement("return json -> dispatch(parse(json), handler)").build())
                .build();
    }

    private MethodSpec parse(TypeName envelope, Object input, String what) {
        TypeName type = input instanceof TypeName t ? t : ClassName.get((Class<?>) input);
        return MethodSpec.methodBuilder("parse").addModifiers(Modifier.PUBLIC).returns(envelope)
                .addParameter(type, "json")
                .addJavadoc("Reads an envelope from $L.\n\n@param json the envelope\n@return the envelope, its detail typed\n"
                        + "@throws $T if it is not an EventBridge envelope, or its\n"
                        + "detail does not fit the contract\n", what, ClassName.get(RUNTIME, "EnvelopeException"))
                .addStatement("return reader.read(json)").build();
    }

    private TypeSpec patterns() {
        ClassName self = base.className(generation.family().patternsName());
        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(base.generated())
                .addJavadoc("EventBridge event patterns for rules on this contract's events, checked with event-ruler\n"
                        + "when generated. The same patterns are written as JSON files next to the schemas, under\n"
                        + "{@code patterns/}, for CloudFormation, CDK or Terraform.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                        .addJavadoc("Constants and factories only.\n").build());
        List<EventPattern> family = Patterns.family(generation.events());
        if (family.size() == 1) {
            type.addField(FieldSpec.builder(String.class, "ALL_EVENTS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Every event of this contract, and no other (source, detail-type) pair.\n")
                    .initializer("$S", family.get(0).toString()).build());
        }
        CodeBlock rules = family.stream().map(p -> CodeBlock.of("$S", p.toString())).collect(CodeBlock.joining(",\n"));
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(List.class, String.class), "ALL_EVENTS_RULES",
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Every event of this contract as the fewest patterns that each fit EventBridge's $L\n"
                        + "characters: one rule per pattern. A single pattern (then equal to {@code ALL_EVENTS}) unless\n"
                        + "the contract has too many events for one.\n", EventPattern.MAX_LENGTH)
                .initializer("$T.of(\n$>$L$<)", List.class, rules).build());
        Set<String> constants = new HashSet<>(Set.of("ALL_EVENTS", "ALL_EVENTS_RULES"));
        for (EventType event : generation.events()) {
            String className = event.className();
            String constant = Identifiers.constantName(className);
            while (!constants.add(constant)) {
                constant += "_EVENT";
            }
            type.addField(FieldSpec.builder(String.class, constant,
                            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Every {@code $L} event.\n", JavaRenderer.javadocText(event.detailType()))
                    .initializer("$S", Patterns.of(event).toString()).build());
            ClassName narrowing = self.nestedClass(className + "Pattern");
            type.addMethod(MethodSpec.methodBuilder(Character.toLowerCase(className.charAt(0)) + className.substring(1))
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(narrowing)
                    .addJavadoc("A pattern for {@code $L} events, to narrow on detail fields.\n\n"
                            + "@return a pattern matching every such event\n", JavaRenderer.javadocText(event.detailType()))
                    // literals, not the event's constants: a pattern constant may have the event class's name
                    .addStatement("return new $T($T.of($T.of($S), $T.of($S)))", narrowing,
                            EVENT_PATTERN, List.class, event.source(), List.class, event.detailType())
                    .build());
            type.addType(narrowingType(event, narrowing));
        }
        return type.build();
    }

    /** Typed conditions on the event's top-level scalar and enum fields. */
    private TypeSpec narrowingType(EventType event, ClassName self) {
        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("A pattern for {@code $L} events; each method adds a condition and returns a new pattern.\n",
                        JavaRenderer.javadocText(event.detailType()))
                .addField(FieldSpec.builder(EVENT_PATTERN, "pattern", Modifier.PRIVATE, Modifier.FINAL)
                        .addJavadoc("The pattern so far.\n").build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                        .addJavadoc("A pattern.\n\n@param pattern the conditions so far\n")
                        .addParameter(EVENT_PATTERN, "pattern").addStatement("this.pattern = pattern").build());
        Set<String> taken = new HashSet<>(List.of("toJson", "toEventPattern", "toString", "pattern"));
        event.properties().forEach(p -> taken.add(p.javaName()));
        for (Property p : event.properties()) {
            MethodSpec condition = condition(p, self);
            if (condition != null) {
                type.addMethod(condition);
            }
            String exists = p.javaName() + "Exists";
            if (!p.required() && taken.add(exists)) {
                type.addMethod(MethodSpec.methodBuilder(exists).addModifiers(Modifier.PUBLIC).returns(self)
                        .addParameter(boolean.class, "exists")
                        .addJavadoc("Only events where {@code $L} is present, or absent.\n\n"
                                + "@param exists true for present, false for absent\n@return the narrower pattern\n",
                                JavaRenderer.javadocText(p.jsonName()))
                        .addStatement("return new $T(pattern.detailExists($S, exists))", self, p.jsonName()).build());
            }
        }
        type.addMethod(MethodSpec.methodBuilder("toEventPattern").addModifiers(Modifier.PUBLIC).returns(EVENT_PATTERN)
                .addJavadoc("The pattern as the runtime's type, to combine further.\n\n@return the pattern\n")
                .addStatement("return pattern").build());
        type.addMethod(MethodSpec.methodBuilder("toJson").addModifiers(Modifier.PUBLIC).returns(String.class)
                .addJavadoc("The pattern as JSON, checked against the 2048-character limit (and with event-ruler\n"
                        + "where it is on the classpath).\n\n@return the pattern, for a rule's {@code EventPattern}\n")
                .addStatement("return pattern.toJson()").build());
        type.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class).addJavadoc("The pattern as JSON, unchecked.\n\n@return the pattern\n")
                .addStatement("return pattern.toString()").build());
        return type.build();
    }

    private MethodSpec condition(Property p, ClassName self) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC).returns(self)
                .varargs(true)
                .addJavadoc("Only events whose {@code $L} is one of these values.\n\n@param values the values, at least one\n"
                        + "@return the narrower pattern\n", JavaRenderer.javadocText(p.jsonName()));
        if (p.type() instanceof Named n && enumNames.contains(n.simpleName())) {
            ClassName e = base.className(n.simpleName());
            return method.addParameter(ArrayTypeName.of(e), "values")
                    .addStatement("return new $T(pattern.detailAnyOf($S, $T.stream(values).map($T::value).toList()))",
                            self, p.jsonName(), java.util.Arrays.class, e).build();
        }
        if (!(p.type() instanceof Scalar s)) {
            return null;
        }
        switch (s.kind()) {
            case STRING:
                return method.addParameter(String[].class, "values")
                        .addStatement("return new $T(pattern.detailAnyOf($S, $T.of(values)))", self, p.jsonName(), List.class)
                        .build();
            case UUID:
                return method.addParameter(java.util.UUID[].class, "values")
                        .addStatement("return new $T(pattern.detailAnyOf($S, $T.stream(values).map($T::toString).toList()))",
                                self, p.jsonName(), java.util.Arrays.class, java.util.UUID.class).build();
            case INTEGER:
                return method.addParameter(int[].class, "values")
                        .addStatement("return new $T(pattern.detailAnyOfNumbers($S, $T.stream(values).boxed().toList()))",
                                self, p.jsonName(), java.util.Arrays.class).build();
            case LONG:
                return method.addParameter(long[].class, "values")
                        .addStatement("return new $T(pattern.detailAnyOfNumbers($S, $T.stream(values).boxed().toList()))",
                                self, p.jsonName(), java.util.Arrays.class).build();
            case BOOLEAN:
                return MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC).returns(self)
                        .addParameter(boolean.class, "value")
                        .addJavadoc("Only events whose {@code $L} is this value.\n\n@param value the value\n"
                                + "@return the narrower pattern\n", JavaRenderer.javadocText(p.jsonName()))
                        .addStatement("return new $T(pattern.detailIs($S, value))", self, p.jsonName()).build();
            default:
                return null;
        }
    }
}
