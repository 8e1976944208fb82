package io.github.usereventbus.codegen.render;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.usereventbus.codegen.model.Model;
import io.github.usereventbus.codegen.model.Model.EventType;
import io.github.usereventbus.codegen.model.Model.Generation;
import io.github.usereventbus.codegen.model.Model.ListOf;
import io.github.usereventbus.codegen.model.Model.MapOf;
import io.github.usereventbus.codegen.model.Model.ObjectType;
import io.github.usereventbus.codegen.model.Model.Property;
import io.github.usereventbus.codegen.model.Model.Scalar;
import io.github.usereventbus.codegen.model.Model.SetOf;
import io.github.usereventbus.codegen.model.Model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Renders an object schema as an immutable record: components with their Jackson names, required
 * properties checked and collections copied in the compact constructor, a builder, and for an event the
 * constants and methods EventBridge needs.
 */
final class RecordRenderer {

    private final Generation generation;
    private final JavaRenderer base;

    RecordRenderer(Generation generation, JavaRenderer base) {
        this.generation = generation;
        this.base = base;
    }

    TypeSpec record(ObjectType object, EventType event) {
        ClassName self = base.className(object.className());
        ClassName builderName = self.nestedClass("Builder");
        TypeSpec.Builder type = TypeSpec.recordBuilder(self).alwaysQualify(base.generatedNames())
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(base.generated())
                .addAnnotation(AnnotationSpec.builder(JavaRenderer.JSON_INCLUDE)
                        .addMember("value", "$T.Include.NON_NULL", JavaRenderer.JSON_INCLUDE).build());
        CodeBlock.Builder javadoc = CodeBlock.builder();
        if (!object.description().isBlank()) {
            javadoc.add("$L\n\n", JavaRenderer.javadocText(object.description()));
        }
        if (event != null) {
            javadoc.add("<p>The detail of the EventBridge event {@code $L} from {@code $L}.\n",
                    JavaRenderer.javadocText(event.detailType()), JavaRenderer.javadocText(event.source()));
        }
        javadoc.add("<p>Generated from {@code $L}; do not edit.\n", JavaRenderer.javadocText(JavaRenderer.origin(object.origin())));
        if (!object.properties().isEmpty()) {
            javadoc.add("\n");
        }
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        CodeBlock.Builder body = CodeBlock.builder();
        NameAllocator locals = locals(object);
        // what must not be null: required properties that have no constant to fill in and no null to hold
        List<Property> required = object.properties().stream()
                .filter(p -> p.required() && p.constValue() == null && !p.nullable()).toList();
        for (Property p : object.properties()) {
            if (p.constValue() != null) {
                // the only value it may have: filled in, so that nobody has to write it
                body.beginControlFlow("if ($N == null)", p.javaName())
                        .addStatement("$N = $S", p.javaName(), p.constValue())
                        .endControlFlow();
            }
        }
        if (!required.isEmpty()) {
            String missing = locals.newName("missing");
            body.addStatement("String $N = $S", missing, "");
            for (Property p : required) {
                body.beginControlFlow("if ($N == null)", p.javaName())
                        .addStatement("$N += $S", missing, " " + describe(p))
                        .endControlFlow();
            }
            body.beginControlFlow("if (!$N.isEmpty())", missing)
                    .addStatement("throw new $T($S + $N)", IllegalArgumentException.class,
                            object.className() + " is missing required properties:", missing)
                    .endControlFlow();
        }
        for (Property p : object.properties()) {
            TypeName t = base.typeName(p.type());
            ParameterSpec.Builder param = ParameterSpec.builder(t, p.javaName())
                    .addAnnotation(AnnotationSpec.builder(JavaRenderer.JSON_PROPERTY).addMember("value", "$S", p.jsonName()).build());
            if (p.type() instanceof SetOf) {
                // Jackson's default set would lose the order of the JSON array
                param.addAnnotation(AnnotationSpec.builder(JavaRenderer.JSON_DESERIALIZE)
                        .addMember("as", "$T.class", java.util.LinkedHashSet.class).build());
            }
            if (p.required() && p.nullable()) {
                // required, and null is a value: written even when null, never left out
                param.addAnnotation(AnnotationSpec.builder(JavaRenderer.JSON_INCLUDE)
                        .addMember("value", "$T.Include.ALWAYS", JavaRenderer.JSON_INCLUDE).build());
            }
            if (isTemporal(p.type())) {
                param.addAnnotation(AnnotationSpec.builder(JavaRenderer.JSON_FORMAT)
                        .addMember("shape", "$T.Shape.STRING", JavaRenderer.JSON_FORMAT).build());
            }
            constructor.addParameter(param.build());
            CodeBlock copy = defensiveCopy(p.type(), CodeBlock.of("$N", p.javaName()), p.jsonName(), locals);
            if (copy != null) {
                body.addStatement("$N = $L", p.javaName(), copy);
            }
            if (holdsJson(p.type())) {
                // a JSON tree can be changed by whoever holds it: hand out copies
                type.addMethod(MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC).returns(t)
                        .addJavadoc("Returns a copy: the JSON held here cannot be changed from outside.\n\n"
                                + "@return a copy of {@code $L}, or null\n", JavaRenderer.javadocText(p.jsonName()))
                        .addStatement("return $L", defensiveCopy(p.type(), CodeBlock.of("this.$N", p.javaName()),
                                p.jsonName(), locals(object)))
                        .build());
            }
            javadoc.add("@param $N $L\n", p.javaName(), propertyDoc(p));
        }
        type.recordConstructor(constructor.build());
        CodeBlock checks = body.build();
        if (!checks.isEmpty()) {
            boolean copies = object.properties().stream()
                    .anyMatch(p -> defensiveCopy(p.type(), CodeBlock.of("x"), "", locals(object)) != null);
            List<String> does = new ArrayList<>();
            if (object.properties().stream().anyMatch(p -> p.constValue() != null)) {
                does.add("fills in the properties that can hold one value only");
            }
            if (!required.isEmpty()) {
                does.add("checks the required properties");
            }
            if (copies) {
                does.add("copies collections and JSON trees, so that this object cannot be changed from outside");
            }
            String summary = String.join(";\n", does);
            CodeBlock.Builder doc = CodeBlock.builder().add("$L.\n\n",
                    Character.toUpperCase(summary.charAt(0)) + summary.substring(1));
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

        List<String> unions = generation.unionsOf(object.className());
        for (String union : unions) {
            type.addSuperinterface(base.className(union));
        }
        if (!unions.isEmpty()) {
            type.addAnnotation(UnionRenderer.readsItself());
        }
        if (event != null) {
            type.addSuperinterface(base.className(generation.family().interfaceName()));
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
        String doc = p.description().isBlank() ? "The {@code " + JavaRenderer.javadocText(p.jsonName()) + "} property."
                : JavaRenderer.javadocText(p.description());
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

    static void addConstant(TypeSpec.Builder type, String name, String value, String doc) {
        type.addField(FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", value).addJavadoc(doc + "\n").build());
    }

    static MethodSpec constantGetter(String name, String constant) {
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
                expr.add("\n+ $S + ($N == null ? $S : $S)", label, p.javaName(), "null", JavaRenderer.MASK);
            } else {
                expr.add("\n+ $S + $N", label, p.javaName());
            }
        }
        expr.add("\n+ $S", "]");
        return MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addJavadoc("Shows every property but the sensitive ones, whose values are masked.\n\n"
                        + "@return the properties, sensitive values as {@code $L}\n", JavaRenderer.MASK)
                .addStatement("return $L", expr.build()).build();
    }

    private TypeSpec builder(ObjectType object, ClassName self, ClassName builderName) {
        TypeSpec.Builder builder = TypeSpec.classBuilder(builderName)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds a {@link $T}; the builder itself is not thread-safe.\n", self)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                        .addJavadoc("An empty builder; see {@link $T#builder()}.\n", self).build());
        String source = locals(object).newName("source");
        MethodSpec.Builder copying = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addParameter(self, source)
                .addJavadoc("A builder with the values of {@code $L}; see {@link $T#toBuilder()}.\n\n"
                        + "@param $L the object to copy\n", source, self, source);
        List<CodeBlock> args = new ArrayList<>();
        for (Property p : object.properties()) {
            TypeName t = base.typeName(p.type());
            builder.addField(FieldSpec.builder(t, p.javaName(), Modifier.PRIVATE)
                    .addJavadoc("The value of {@code $L} so far.\n", JavaRenderer.javadocText(p.jsonName())).build());
            copying.addStatement("this.$N = $N.$N", p.javaName(), source, p.javaName());
            builder.addMethod(MethodSpec.methodBuilder(p.javaName()).addModifiers(Modifier.PUBLIC)
                    .returns(builderName).addParameter(t, p.javaName())
                    .addJavadoc("Sets {@code $L}: $L\n\n@param $N the value, or null to leave it out\n"
                            + "@return this builder\n", JavaRenderer.javadocText(p.jsonName()), propertyDoc(p), p.javaName())
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

    private static final ClassName COPIES = ClassName.get(JavaRenderer.RUNTIME, "Copies");
    private static final ClassName UNARY = ClassName.get(java.util.function.UnaryOperator.class);

    /**
     * The expression that copies {@code value} deeply (collections at every depth, JSON trees), or null
     * for a type that needs no copy. Null stays null; a null element is refused, naming the property.
     */
    private static CodeBlock defensiveCopy(TypeRef type, CodeBlock value, String property, NameAllocator names) {
        if (type instanceof ListOf l) {
            return CodeBlock.of("$T.list($S, $L, $L)", COPIES, property, value, elementCopy(l.item(), property, names));
        }
        if (type instanceof SetOf set) {
            return CodeBlock.of("$T.set($S, $L, $L)", COPIES, property, value, elementCopy(set.item(), property, names));
        }
        if (type instanceof MapOf m) {
            return CodeBlock.of("$T.map($S, $L, $L)", COPIES, property, value, elementCopy(m.value(), property, names));
        }
        if (isJson(type)) {
            return CodeBlock.of("$L == null ? null : $L.deepCopy()", value, value);
        }
        return null;
    }

    /** A function copying one element: identity, a JSON tree's deep copy, or a nested collection's copy. */
    private static CodeBlock elementCopy(TypeRef item, String property, NameAllocator names) {
        if (isJson(item)) {
            return CodeBlock.of("$T::deepCopy", JavaRenderer.JSON_NODE);
        }
        if (item instanceof ListOf || item instanceof SetOf || item instanceof MapOf) {
            String element = names.newName("element");
            return CodeBlock.of("$N -> $L", element, defensiveCopy(item, CodeBlock.of("$N", element), property + "[]",
                    names));
        }
        return CodeBlock.of("$T.identity()", UNARY);
    }

    private static boolean isJson(TypeRef type) {
        return type instanceof Scalar s && s.kind() == Model.ScalarKind.JSON;
    }

    /** Whether a JSON tree is held somewhere inside, which callers could change through an accessor. */
    private static boolean holdsJson(TypeRef type) {
        return isJson(type) || type instanceof ListOf l && holdsJson(l.item()) || type instanceof SetOf set
                && holdsJson(set.item()) || type instanceof MapOf m && holdsJson(m.value());
    }

    private static boolean isTemporal(TypeRef type) {
        return type instanceof Scalar s
                && (s.kind() == Model.ScalarKind.INSTANT || s.kind() == Model.ScalarKind.LOCAL_DATE);
    }

    /**
     * The names a generated method of this type may give its locals and parameters: never a property's,
     * which are in scope as components or fields.
     */
    private static NameAllocator locals(ObjectType object) {
        NameAllocator names = new NameAllocator();
        object.properties().forEach(p -> names.newName(p.javaName(), p));
        return names;
    }
}
