package io.github.usereventbus.codegen.render;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.usereventbus.codegen.model.Model.Alternative;
import io.github.usereventbus.codegen.model.Model.EventType;
import io.github.usereventbus.codegen.model.Model.Generation;
import io.github.usereventbus.codegen.model.Model.UnionType;
import javax.lang.model.element.Modifier;

/**
 * Renders a union as a sealed interface: its alternatives' records, an {@code Unrecognised} record for
 * JSON no alternative fits (a tolerant reader's answer to an alternative the producer added), and the
 * {@code Reader} that picks the alternative. A union that is an event's detail also carries the event's
 * constants and extends the family's interface.
 */
final class UnionRenderer {

    private static final ClassName UNION_DESERIALIZER = ClassName.get(JavaRenderer.RUNTIME, "UnionDeserializer");
    private static final ClassName JSON_DESERIALIZER =
            ClassName.get("com.fasterxml.jackson.databind", "JsonDeserializer");

    private final Generation generation;
    private final JavaRenderer base;

    UnionRenderer(Generation generation, JavaRenderer base) {
        this.generation = generation;
        this.base = base;
    }

    /** {@code @JsonDeserialize(using = JsonDeserializer.None.class)}: an alternative reads itself, not its union. */
    static AnnotationSpec readsItself() {
        return AnnotationSpec.builder(JavaRenderer.JSON_DESERIALIZE)
                .addMember("using", "$T.None.class", JSON_DESERIALIZER).build();
    }

    TypeSpec render(UnionType union, EventType event) {
        ClassName self = base.className(union.className());
        ClassName unrecognised = self.nestedClass("Unrecognised");
        ClassName reader = self.nestedClass("Reader");
        CodeBlock.Builder doc = CodeBlock.builder();
        if (!union.description().isBlank()) {
            doc.add("$L\n\n", JavaRenderer.javadocText(union.description()));
        }
        if (event != null) {
            doc.add("<p>The detail of the EventBridge event {@code $L} from {@code $L}.\n\n",
                    JavaRenderer.javadocText(event.detailType()), JavaRenderer.javadocText(event.source()));
        }
        doc.add("<p>One of:\n<ul>\n");
        for (Alternative alternative : union.alternatives()) {
            doc.add("  <li>{@link $T}$L</li>\n", base.className(alternative.className()), alternative.value() == null
                    ? ", when its required properties " + alternative.required() + " are present"
                    : ", when {@code " + JavaRenderer.javadocText(union.discriminator()) + "} is {@code "
                            + JavaRenderer.javadocText(alternative.value()) + "}");
        }
        doc.add("  <li>{@link Unrecognised}, JSON none of them fits, kept whole by a tolerant reader</li>\n</ul>\n\n")
                .add("<p>Generated from {@code $L}; do not edit.\n", JavaRenderer.javadocText(JavaRenderer.origin(union.origin())));
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addAnnotation(base.generated())
                .addAnnotation(AnnotationSpec.builder(JavaRenderer.JSON_DESERIALIZE)
                        .addMember("using", "$T.class", reader).build())
                .addJavadoc(doc.build());
        for (Alternative alternative : union.alternatives()) {
            type.addPermittedSubclass(base.className(alternative.className()));
        }
        type.addPermittedSubclass(unrecognised);
        if (event != null) {
            type.addSuperinterface(base.className(generation.family().interfaceName()));
            RecordRenderer.addConstant(type, "SOURCE", event.source(), "The EventBridge {@code Source} of this event.");
            RecordRenderer.addConstant(type, "DETAIL_TYPE", event.detailType(),
                    "The EventBridge {@code DetailType} of this event.");
            RecordRenderer.addConstant(type, "SCHEMA", event.schemaResource(),
                    "Where this event's JSON Schema lies on the classpath.");
            type.addMethod(defaultGetter("eventSource", "SOURCE"));
            type.addMethod(defaultGetter("eventDetailType", "DETAIL_TYPE"));
            type.addMethod(defaultGetter("eventSchema", "SCHEMA"));
        }
        type.addType(unrecognised(self, unrecognised));
        type.addType(reader(union, self, unrecognised, reader));
        return type.build();
    }

    private static MethodSpec defaultGetter(String name, String constant) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC,
                Modifier.DEFAULT).returns(String.class).addStatement("return $N", constant).build();
    }

    private TypeSpec unrecognised(ClassName union, ClassName self) {
        return TypeSpec.recordBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addSuperinterface(union)
                .addAnnotation(readsItself())
                .addJavadoc("JSON that none of the alternatives fits, kept whole: what a tolerant reader gives for an\n"
                        + "alternative added to the schema after this code was generated.\n\n"
                        + "@param json the JSON as it was read\n")
                .recordConstructor(MethodSpec.constructorBuilder()
                        .addParameter(ParameterSpec.builder(JavaRenderer.JSON_NODE, "json").build()).build())
                .addMethod(MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Copies the JSON, so that this object cannot be changed from outside.\n\n"
                                + "@param json the JSON as it was read\n")
                        .addStatement("json = json == null ? null : json.deepCopy()").build())
                .addMethod(MethodSpec.methodBuilder("json").addModifiers(Modifier.PUBLIC)
                        .addAnnotation(AnnotationSpec.builder(JavaRenderer.JSON_VALUE).build())
                        .returns(JavaRenderer.JSON_NODE)
                        .addJavadoc("The JSON as it was read, a copy; written back as it is.\n\n@return the JSON\n")
                        .addStatement("return json == null ? null : json.deepCopy()").build())
                .build();
    }

    private TypeSpec reader(UnionType union, ClassName self, ClassName unrecognised, ClassName reader) {
        CodeBlock.Builder config = CodeBlock.builder().add("$T.of($T.class, $T::new)", UNION_DESERIALIZER, self, unrecognised);
        if (union.discriminator() != null) {
            config.add("\n.discriminator($S)", union.discriminator());
            for (Alternative alternative : union.alternatives()) {
                config.add("\n.alternative($S, $T.class)", alternative.value(), base.className(alternative.className()));
            }
        } else {
            for (Alternative alternative : union.alternatives()) {
                config.add("\n.alternative($T.class", base.className(alternative.className()));
                alternative.required().forEach(r -> config.add(", $S", r));
                config.add(")");
            }
            // a property that holds one value tells alternatives apart where their required properties do not
            for (Alternative alternative : union.alternatives()) {
                generation.objects().stream().filter(o -> o.className().equals(alternative.className())).findFirst()
                        .ifPresent(object -> object.properties().stream().filter(p -> p.constValue() != null)
                                .forEach(p -> config.add("\n.constant($T.class, $S, $S)",
                                        base.className(alternative.className()), p.jsonName(), p.constValue())));
            }
        }
        return TypeSpec.classBuilder(reader)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(UNION_DESERIALIZER, self))
                .addJavadoc("Reads a {@link $T} into the alternative that fits; Jackson finds it through\n"
                        + "{@code @JsonDeserialize} on the interface.\n", self)
                .addField(FieldSpec.builder(long.class, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC,
                        Modifier.FINAL).initializer("1L").build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("The reader, with every alternative.\n")
                        .addStatement("super($L)", config.build()).build())
                .build();
    }
}
