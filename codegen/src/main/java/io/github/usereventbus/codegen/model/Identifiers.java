package io.github.usereventbus.codegen.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;
import org.jsonschema2pojo.util.Inflector;

/**
 * Turns JSON names (detail-types, property names, enum values, file names) into legal Java identifiers.
 * The rules are deterministic and documented in the README; uniqueness is the caller's business, since
 * only it knows the scope.
 */
public final class Identifiers {

    /** Members every generated record has; a property with one of these names gets a trailing underscore. */
    static final Set<String> RESERVED_MEMBERS = Set.of("builder", "toBuilder", "build", "equals", "hashCode",
            "toString", "getClass", "notify", "notifyAll", "wait", "clone", "finalize", "eventSource",
            "eventDetailType", "eventSchema");

    private Identifiers() {
    }

    /** {@code "User Account Created"} → {@code UserAccountCreated}; {@code pull_request$opened} → {@code PullRequestOpened}. */
    public static String typeName(String raw) {
        StringBuilder out = new StringBuilder();
        for (String word : words(raw)) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        }
        String name = out.length() == 0 ? "Type" : out.toString();
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            name = "_" + name;
        }
        return name;
    }

    /** {@code user-id} → {@code userId}; {@code package} → {@code package_}; {@code 1h} → {@code _1h}. */
    static String memberName(String raw) {
        List<String> words = words(signWords(raw));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (i == 0) {
                out.append(isAllUpperCase(word) ? word.toLowerCase(Locale.ROOT)
                        : Character.toLowerCase(word.charAt(0)) + word.substring(1));
            } else {
                out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            }
        }
        String name = out.length() == 0 ? "property" : out.toString();
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            name = "_" + name;
        }
        if (SourceVersion.isKeyword(name, SourceVersion.RELEASE_17) || RESERVED_MEMBERS.contains(name)
                || name.equals("_")) {
            name = name + "_";
        }
        return name;
    }

    /** {@code in-progress} → {@code IN_PROGRESS}; {@code inProgress} → {@code IN_PROGRESS}; {@code ""} → {@code EMPTY}. */
    public static String constantName(String raw) {
        List<String> words = new ArrayList<>();
        for (String word : words(signWords(raw))) {
            words.addAll(splitCamel(word));
        }
        String name = String.join("_", words).toUpperCase(Locale.ROOT);
        if (name.isEmpty()) {
            name = "EMPTY";
        }
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            name = "_" + name;
        }
        return SourceVersion.isKeyword(name) ? name + "_" : name;
    }

    /** The singular of a plural property name, for naming the class of its items. */
    static String singular(String typeName) {
        String singular = Inflector.getInstance().singularize(typeName);
        return singular.isEmpty() || singular.equals(typeName) ? typeName + "Item" : singular;
    }

    /** Leading signs carry meaning ({@code +1} and {@code -1} are different reactions): spell them out. */
    private static String signWords(String raw) {
        if (raw.startsWith("+")) {
            return "plus " + raw.substring(1);
        }
        if (raw.startsWith("-")) {
            return "minus " + raw.substring(1);
        }
        return raw;
    }

    /** Splits on everything that cannot be part of a Java identifier, and on underscores. */
    private static List<String> words(String raw) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        raw.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static List<String> splitCamel(String word) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < word.length(); i++) {
            char prev = word.charAt(i - 1);
            char c = word.charAt(i);
            boolean boundary = Character.isLowerCase(prev) && Character.isUpperCase(c)
                    || Character.isUpperCase(prev) && Character.isUpperCase(c) && i + 1 < word.length()
                            && Character.isLowerCase(word.charAt(i + 1));
            if (boundary) {
                parts.add(word.substring(start, i));
                start = i;
            }
        }
        parts.add(word.substring(start));
        return parts;
    }

    private static boolean isAllUpperCase(String word) {
        return word.codePoints().noneMatch(Character::isLowerCase) && word.codePoints().anyMatch(Character::isUpperCase);
    }
}
