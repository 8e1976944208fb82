package io.github.usereventbus.codegen.render;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.github.usereventbus.codegen.model.Model.EnumConstant;
import io.github.usereventbus.codegen.model.Model.EnumType;
import javax.lang.model.element.Modifier;

/** Renders a string enum as a Java enum that keeps each constant's JSON value. */
final class EnumRenderer {

    /** No schema value's constant can have this name: a generated name starts with "_" only before a digit. */
    static final String UNRECOGNISED = "_UNRECOGNISED";

    private static final ClassName JSON_ENUM_DEFAULT_VALUE =
            ClassName.get("com.fasterxml.jackson.annotation", "JsonEnumDefaultValue");

    private final JavaRenderer base;

    EnumRenderer(JavaRenderer base) {
        this.base = base;
    }

    TypeSpec enumType(EnumType e) {
        ClassName self = base.className(e.className());
        TypeSpec.Builder type = TypeSpec.enumBuilder(self).addModifiers(Modifier.PUBLIC).addAnnotation(base.generated());
        if (!e.description().isBlank()) {
            type.addJavadoc("$L\n\n", JavaRenderer.javadocText(e.description()));
        }
        type.addJavadoc("<p>Generated from {@code $L}; do not edit.\n", JavaRenderer.javadocText(JavaRenderer.origin(e.origin())));
        for (EnumConstant c : e.constants()) {
            type.addEnumConstant(c.javaName(), TypeSpec.anonymousClassBuilder("$S", c.value())
                    .addJavadoc("The JSON value {@code $L}.\n", JavaRenderer.javadocText(c.value())).build());
        }
        type.addEnumConstant(UNRECOGNISED, TypeSpec.anonymousClassBuilder("null")
                .addAnnotation(JSON_ENUM_DEFAULT_VALUE)
                .addJavadoc("A value this version of the contract does not know, read by a tolerant dispatcher when\n"
                        + "the producer's newer contract added it. Never written: its {@link #value()} is null, which\n"
                        + "the schema refuses when the event is published.\n").build());
        type.addField(FieldSpec.builder(String.class, "value", Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("The value as it stands in JSON.\n").build());
        type.addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "value")
                .addJavadoc("A constant with its JSON value.\n\n@param value the value as it stands in JSON\n")
                .addStatement("this.value = value").build());
        type.addMethod(MethodSpec.methodBuilder("value").addModifiers(Modifier.PUBLIC).returns(String.class)
                .addAnnotation(JavaRenderer.JSON_VALUE).addJavadoc("The value as it stands in JSON.\n\n@return the JSON value; null for {@code $L}\n", UNRECOGNISED)
                .addStatement("return value").build());
        type.addMethod(MethodSpec.methodBuilder("fromValue").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self).addAnnotation(JavaRenderer.JSON_CREATOR).addParameter(String.class, "value")
                .addJavadoc("The constant for a JSON value.\n\n@param value the value as it stands in JSON\n"
                        + "@return the constant with that value\n"
                        + "@throws IllegalArgumentException if no constant has that value\n")
                .beginControlFlow("for ($T constant : values())", self)
                .beginControlFlow("if (constant.value != null && constant.value.equals(value))")
                .addStatement("return constant")
                .endControlFlow()
                .endControlFlow()
                .addStatement("throw new $T($S + value + $S + $T.stream(values()).map($T::value).filter($T::nonNull).toList())",
                        IllegalArgumentException.class, "'", "' is not a " + e.className() + "; expected one of ",
                        java.util.Arrays.class, self, java.util.Objects.class)
                .build());
        type.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(String.class)
                .addJavadoc("The value as it stands in JSON, or the constant's name for {@code $L}.\n\n"
                        + "@return the JSON value\n", UNRECOGNISED)
                .addStatement("return value == null ? name() : value").build());
        return type.build();
    }
}
