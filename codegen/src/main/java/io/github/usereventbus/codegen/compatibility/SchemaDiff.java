package io.github.usereventbus.codegen.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.usereventbus.codegen.schema.JsonPointers;
import io.github.usereventbus.codegen.schema.SchemaCatalog;
import io.github.usereventbus.codegen.schema.SchemaCatalog.EventSchema;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Target;
import io.github.usereventbus.codegen.schema.SchemaShapes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares one event's schema in two versions of the contract, following {@code $ref}s, {@code allOf},
 * properties, items and unions at any depth, and says for each change whether it breaks readers in the
 * BACKWARD direction (new readers, old events) or the FORWARD one (old readers, new events). Titles,
 * descriptions and examples are never compared.
 */
final class SchemaDiff {

    /**
     * One change.
     *
     * @param pointer  where, as a JSON pointer into the event's schema with references inlined
     * @param path     where in an event detail: property names, {@code 0} for an array item, {@code *} for a
     *                 value of {@code additionalProperties}; null where no instance location fits (a union)
     * @param location the changed schema's file and pointer, in the new contract (or the old, if removed)
     * @param before   the schema at that place in the old contract, or null
     * @param after    the schema at that place in the new contract, or null
     */
    record Change(CompatibilityRule rule, String pointer, List<String> path, String location, String message,
            boolean breaksBackward, boolean breaksForward, Target before, Target after) {
    }

    private static final int MAX_DEPTH = 32;

    private final SchemaCatalog oldCatalog;
    private final SchemaCatalog newCatalog;
    private final ReaderModel readers;
    private final List<Change> changes = new ArrayList<>();
    private final Set<String> visited = new HashSet<>();

    private SchemaDiff(SchemaCatalog oldCatalog, SchemaCatalog newCatalog, ReaderModel readers) {
        this.oldCatalog = oldCatalog;
        this.newCatalog = newCatalog;
        this.readers = readers;
    }

    /** The changes from one version of an event's schema to the next, in document order. */
    static List<Change> compare(SchemaCatalog oldCatalog, EventSchema oldEvent, SchemaCatalog newCatalog,
            EventSchema newEvent, ReaderModel readers) {
        SchemaDiff diff = new SchemaDiff(oldCatalog, newCatalog, readers);
        Target o = new Target(oldEvent.document(), "", oldEvent.document().root());
        Target n = new Target(newEvent.document(), "", newEvent.document().root());
        diff.walk(o, n, "", List.of(), 0);
        return diff.changes;
    }

    private boolean validating() {
        return readers == ReaderModel.VALIDATING;
    }

    private void add(CompatibilityRule rule, String pointer, List<String> path, Target o, Target n, String message,
            boolean backward, boolean forward) {
        Target at = n != null ? n : o;
        String location = at == null ? "" : at.document().name() + "#" + at.pointer();
        changes.add(new Change(rule, pointer, path, location, message, backward, forward, o, n));
    }

    private void walk(Target oldTarget, Target newTarget, String pointer, List<String> path, int depth) {
        Target o = oldCatalog.follow(oldTarget);
        Target n = newCatalog.follow(newTarget);
        if (o == null || n == null || depth > MAX_DEPTH || !visited.add(o.key() + "|" + n.key())) {
            return;
        }
        JsonNode os = o.node();
        JsonNode ns = n.node();
        if (!os.isObject() || !ns.isObject()) {
            if (os.isBoolean() && ns.isBoolean() && os.asBoolean() != ns.asBoolean()) {
                boolean tightened = !ns.asBoolean();
                add(tightened ? CompatibilityRule.CONSTRAINT_TIGHTENED : CompatibilityRule.CONSTRAINT_LOOSENED,
                        pointer, path, o, n, "the schema went from " + os + " to " + ns, tightened, !tightened);
            }
            return;
        }
        types(o, n, pointer, path);
        enums(o, n, pointer, path);
        constant(o, n, pointer, path);
        bounds(o, n, pointer, path);
        textConstraints(o, n, pointer, path);
        multipleOf(o, n, pointer, path);
        uniqueItems(o, n, pointer, path);
        if (isObject(os) || isObject(ns)) {
            properties(o, n, pointer, path, depth);
            additionalProperties(o, n, pointer, path, depth);
        }
        if (os.path("items").isObject() && ns.path("items").isObject()) {
            walk(SchemaShapes.child(o, "items"), SchemaShapes.child(n, "items"), pointer + "/items", append(path, "0"),
                    depth + 1);
        }
        unions(o, n, pointer, path, depth);
    }

    private static boolean isObject(JsonNode s) {
        Set<String> types = SchemaShapes.declaredTypes(s);
        return types.contains("object") || types.isEmpty() && (s.has("properties") || s.has("allOf")
                || s.has("required"));
    }

    private static List<String> append(List<String> path, String segment) {
        if (path == null) {
            return null;
        }
        List<String> longer = new ArrayList<>(path);
        longer.add(segment);
        return List.copyOf(longer);
    }

    // ---------------------------------------------------------------- types

    private void types(Target o, Target n, String pointer, List<String> path) {
        Set<String> before = effectiveTypes(o.node());
        Set<String> after = effectiveTypes(n.node());
        if (before.equals(after)) {
            return;
        }
        boolean widened = covers(after, before);
        boolean narrowed = covers(before, after);
        String change = "the type went from " + describe(before) + " to " + describe(after);
        if (widened) {
            add(CompatibilityRule.TYPE_WIDENED, pointer + "/type", path, o, n, change, false, true);
        } else if (narrowed) {
            add(CompatibilityRule.TYPE_NARROWED, pointer + "/type", path, o, n, change, true, false);
        } else {
            add(CompatibilityRule.TYPE_CHANGED, pointer + "/type", path, o, n, change, true, true);
        }
    }

    /** The declared types, or the one the keywords imply; empty for any type. */
    private static Set<String> effectiveTypes(JsonNode s) {
        Set<String> types = new TreeSet<>(SchemaShapes.declaredTypes(s));
        if (types.isEmpty() && (s.has("properties") || s.has("required") || s.has("allOf"))) {
            types.add("object");
        }
        if (types.isEmpty() && s.has("items")) {
            types.add("array");
        }
        return types;
    }

    /** Whether every value of the types {@code narrow} is one of {@code wide}'s. */
    private static boolean covers(Set<String> wide, Set<String> narrow) {
        if (wide.isEmpty()) {
            return true;
        }
        if (narrow.isEmpty()) {
            return false;
        }
        return narrow.stream().allMatch(t -> wide.contains(t) || t.equals("integer") && wide.contains("number"));
    }

    private static String describe(Set<String> types) {
        return types.isEmpty() ? "any" : types.size() == 1 ? types.iterator().next() : types.toString();
    }

    // ---------------------------------------------------------------- enums and constants

    private void enums(Target o, Target n, String pointer, List<String> path) {
        JsonNode before = o.node().get("enum");
        JsonNode after = n.node().get("enum");
        if (before == null && after == null) {
            return;
        }
        if (before == null || after == null) {
            constraint(o, n, pointer + "/enum", path, "enum", before == null ? "absent" : before.toString(),
                    after == null ? "absent" : after.toString(), before == null ? 1 : -1);
            return;
        }
        Set<JsonNode> oldValues = new LinkedHashSet<>();
        before.forEach(oldValues::add);
        Set<JsonNode> newValues = new LinkedHashSet<>();
        after.forEach(newValues::add);
        for (JsonNode value : newValues) {
            if (!oldValues.contains(value)) {
                add(CompatibilityRule.ENUM_VALUE_ADDED, pointer + "/enum", path, o, n, "the value " + value
                        + " was added", false, validating());
            }
        }
        for (JsonNode value : oldValues) {
            if (!newValues.contains(value)) {
                add(CompatibilityRule.ENUM_VALUE_REMOVED, pointer + "/enum", path, o, n, "the value " + value
                        + " was removed", true, false);
            }
        }
    }

    private void constant(Target o, Target n, String pointer, List<String> path) {
        JsonNode before = o.node().get("const");
        JsonNode after = n.node().get("const");
        if (before == null && after == null || before != null && before.equals(after)) {
            return;
        }
        constraint(o, n, pointer + "/const", path, "const", before == null ? "absent" : before.toString(),
                after == null ? "absent" : after.toString(), before == null ? 1 : after == null ? -1 : 0);
    }

    /**
     * A constraint that changed: {@code direction} 1 for tightened (fewer values accepted), -1 for loosened,
     * 0 for neither containing the other. Constraints are promises to readers under both reader models.
     */
    private void constraint(Target o, Target n, String pointer, List<String> path, String keyword, String before,
            String after, int direction) {
        String message = keyword + " went from " + before + " to " + after;
        if (direction > 0) {
            add(CompatibilityRule.CONSTRAINT_TIGHTENED, pointer, path, o, n, message, true, false);
        } else if (direction < 0) {
            add(CompatibilityRule.CONSTRAINT_LOOSENED, pointer, path, o, n, message, false, true);
        } else {
            add(CompatibilityRule.CONSTRAINT_CHANGED, pointer, path, o, n, message, true, true);
        }
    }

    // ---------------------------------------------------------------- bounds, lengths and counts

    /** A bound on numbers, lengths or counts; {@code exclusive} for a strict one. */
    private record Bound(BigDecimal value, boolean exclusive, String keyword) {
        @Override
        public String toString() {
            return (exclusive ? "exclusive " : "") + value.stripTrailingZeros().toPlainString();
        }
    }

    private void bounds(Target o, Target n, String pointer, List<String> path) {
        for (String[] pair : new String[][] {{"maximum", "exclusiveMaximum"}, {"maxLength", null},
                {"maxItems", null}, {"maxProperties", null}}) {
            compareBounds(o, n, pointer, path, bound(o.node(), pair[0], pair[1], true),
                    bound(n.node(), pair[0], pair[1], true), true, pair[0]);
        }
        for (String[] pair : new String[][] {{"minimum", "exclusiveMinimum"}, {"minLength", null},
                {"minItems", null}, {"minProperties", null}}) {
            compareBounds(o, n, pointer, path, bound(o.node(), pair[0], pair[1], false),
                    bound(n.node(), pair[0], pair[1], false), false, pair[0]);
        }
    }

    /** The tightest bound a schema sets, from the inclusive keyword and the exclusive one (either draft form). */
    private static Bound bound(JsonNode s, String inclusive, String exclusive, boolean upper) {
        Bound best = null;
        JsonNode in = s.get(inclusive);
        JsonNode ex = exclusive == null ? null : s.get(exclusive);
        if (in != null && in.isNumber()) {
            best = new Bound(in.decimalValue(), ex != null && ex.isBoolean() && ex.asBoolean(), inclusive);
        }
        if (ex != null && ex.isNumber()) {
            Bound strict = new Bound(ex.decimalValue(), true, exclusive);
            if (best == null || tighter(strict, best, upper)) {
                best = strict;
            }
        }
        return best;
    }

    /** Whether {@code a} accepts fewer values than {@code b}. */
    private static boolean tighter(Bound a, Bound b, boolean upper) {
        int c = a.value().compareTo(b.value());
        if (c == 0) {
            return a.exclusive() && !b.exclusive();
        }
        return upper ? c < 0 : c > 0;
    }

    private void compareBounds(Target o, Target n, String pointer, List<String> path, Bound before, Bound after,
            boolean upper, String keyword) {
        if (before == null && after == null) {
            return;
        }
        String at = pointer + "/" + (after != null ? after.keyword() : before.keyword());
        if (before == null || after == null) {
            constraint(o, n, at, path, keyword, before == null ? "absent" : before.toString(),
                    after == null ? "absent" : after.toString(), before == null ? 1 : -1);
        } else if (tighter(after, before, upper)) {
            constraint(o, n, at, path, keyword, before.toString(), after.toString(), 1);
        } else if (tighter(before, after, upper)) {
            constraint(o, n, at, path, keyword, before.toString(), after.toString(), -1);
        }
    }

    private void textConstraints(Target o, Target n, String pointer, List<String> path) {
        for (String keyword : List.of("pattern", "format")) {
            JsonNode before = o.node().get(keyword);
            JsonNode after = n.node().get(keyword);
            if (before == null && after == null || before != null && before.equals(after)) {
                continue;
            }
            constraint(o, n, pointer + "/" + keyword, path, keyword, before == null ? "absent" : before.toString(),
                    after == null ? "absent" : after.toString(), before == null ? 1 : after == null ? -1 : 0);
        }
    }

    private void multipleOf(Target o, Target n, String pointer, List<String> path) {
        JsonNode before = o.node().get("multipleOf");
        JsonNode after = n.node().get("multipleOf");
        if (before == null && after == null || before != null && after != null
                && before.decimalValue().compareTo(after.decimalValue()) == 0) {
            return;
        }
        int direction;
        if (before == null || after == null) {
            direction = before == null ? 1 : -1;
        } else if (isMultiple(after.decimalValue(), before.decimalValue())) {
            direction = 1;
        } else if (isMultiple(before.decimalValue(), after.decimalValue())) {
            direction = -1;
        } else {
            direction = 0;
        }
        constraint(o, n, pointer + "/multipleOf", path, "multipleOf", before == null ? "absent" : before.toString(),
                after == null ? "absent" : after.toString(), direction);
    }

    private static boolean isMultiple(BigDecimal value, BigDecimal step) {
        return step.signum() != 0 && value.remainder(step).signum() == 0;
    }

    private void uniqueItems(Target o, Target n, String pointer, List<String> path) {
        boolean before = o.node().path("uniqueItems").asBoolean(false);
        boolean after = n.node().path("uniqueItems").asBoolean(false);
        if (before != after) {
            constraint(o, n, pointer + "/uniqueItems", path, "uniqueItems", String.valueOf(before),
                    String.valueOf(after), after ? 1 : -1);
        }
    }

    // ---------------------------------------------------------------- objects

    private void properties(Target o, Target n, String pointer, List<String> path, int depth) {
        Map<String, Target> oldProps = new LinkedHashMap<>();
        Set<String> oldRequired = new LinkedHashSet<>();
        oldCatalog.collect(o, oldProps, oldRequired, 0);
        Map<String, Target> newProps = new LinkedHashMap<>();
        Set<String> newRequired = new LinkedHashSet<>();
        newCatalog.collect(n, newProps, newRequired, 0);
        boolean oldClosed = closed(o.node());
        boolean newClosed = closed(n.node());
        Set<String> names = new LinkedHashSet<>(oldProps.keySet());
        names.addAll(newProps.keySet());
        for (String name : names) {
            String at = pointer + "/properties/" + JsonPointers.escape(name);
            List<String> where = append(path, name);
            Target before = oldProps.get(name);
            Target after = newProps.get(name);
            boolean wasRequired = oldRequired.contains(name);
            boolean isRequired = newRequired.contains(name);
            if (before == null) {
                if (isRequired) {
                    add(CompatibilityRule.PROPERTY_ADDED_REQUIRED, at, where, null, after, "the required property '"
                            + name + "' was added", true, validating() && oldClosed);
                } else {
                    add(CompatibilityRule.PROPERTY_ADDED_OPTIONAL, at, where, null, after, "the optional property '"
                            + name + "' was added", false, validating() && oldClosed);
                }
            } else if (after == null) {
                if (wasRequired) {
                    add(CompatibilityRule.PROPERTY_REMOVED_REQUIRED, at, where, before, null, "the required property '"
                            + name + "' was removed", validating() && newClosed, true);
                } else {
                    add(CompatibilityRule.PROPERTY_REMOVED_OPTIONAL, at, where, before, null, "the optional property '"
                            + name + "' was removed", validating() && newClosed, false);
                }
            } else {
                if (!wasRequired && isRequired) {
                    add(CompatibilityRule.PROPERTY_MADE_REQUIRED, at, where, before, after, "the property '" + name
                            + "' was made required", true, false);
                } else if (wasRequired && !isRequired) {
                    add(CompatibilityRule.PROPERTY_MADE_OPTIONAL, at, where, before, after, "the property '" + name
                            + "' was made optional", false, true);
                }
                walk(before, after, at, where, depth + 1);
            }
        }
    }

    private static boolean closed(JsonNode s) {
        return s.path("additionalProperties").isBoolean() && !s.path("additionalProperties").asBoolean()
                || s.path("unevaluatedProperties").isBoolean() && !s.path("unevaluatedProperties").asBoolean();
    }

    private void additionalProperties(Target o, Target n, String pointer, List<String> path, int depth) {
        JsonNode before = o.node().get("additionalProperties");
        JsonNode after = n.node().get("additionalProperties");
        if (before != null && after != null && before.isObject() && after.isObject()) {
            walk(SchemaShapes.child(o, "additionalProperties"), SchemaShapes.child(n, "additionalProperties"),
                    pointer + "/additionalProperties", append(path, "*"), depth + 1);
            return;
        }
        boolean wasClosed = before != null && before.isBoolean() && !before.asBoolean();
        boolean isClosed = after != null && after.isBoolean() && !after.asBoolean();
        if (wasClosed != isClosed) {
            // writers are closed: they never send a property their schema does not declare, so opening or
            // closing an object breaks no reader; the property rules judge what validating readers refuse
            add(isClosed ? CompatibilityRule.CONSTRAINT_TIGHTENED : CompatibilityRule.CONSTRAINT_LOOSENED,
                    pointer + "/additionalProperties", path, o, n, "additionalProperties went from "
                    + (before == null ? "absent" : before.toString()) + " to " + (after == null ? "absent"
                    : after.toString()) + "; writers send only declared properties, so no reader is affected",
                    false, false);
        }
    }

    // ---------------------------------------------------------------- unions

    private void unions(Target o, Target n, String pointer, List<String> path, int depth) {
        for (String keyword : List.of("oneOf", "anyOf")) {
            JsonNode before = o.node().get(keyword);
            JsonNode after = n.node().get(keyword);
            if (before == null && after == null || !(before == null || before.isArray())
                    || !(after == null || after.isArray())) {
                continue;
            }
            List<Integer> oldLeft = new ArrayList<>();
            List<Integer> newLeft = new ArrayList<>();
            for (int i = 0; before != null && i < before.size(); i++) {
                oldLeft.add(i);
            }
            for (int i = 0; after != null && i < after.size(); i++) {
                newLeft.add(i);
            }
            // identical alternatives pair up; the rest pair in order, and what is left was added or removed
            for (var it = oldLeft.iterator(); it.hasNext();) {
                int i = it.next();
                for (var jt = newLeft.iterator(); jt.hasNext();) {
                    int j = jt.next();
                    if (before.get(i).equals(after.get(j))) {
                        walk(SchemaShapes.child(o, keyword, String.valueOf(i)),
                                SchemaShapes.child(n, keyword, String.valueOf(j)), pointer + "/" + keyword + "/" + j,
                                path, depth + 1);
                        it.remove();
                        jt.remove();
                        break;
                    }
                }
            }
            while (!oldLeft.isEmpty() && !newLeft.isEmpty() && oldLeft.size() == newLeft.size()) {
                int i = oldLeft.remove(0);
                int j = newLeft.remove(0);
                walk(SchemaShapes.child(o, keyword, String.valueOf(i)), SchemaShapes.child(n, keyword, String.valueOf(j)),
                        pointer + "/" + keyword + "/" + j, path, depth + 1);
            }
            for (int j : newLeft) {
                add(CompatibilityRule.UNION_BRANCH_ADDED, pointer + "/" + keyword + "/" + j, path, o,
                        SchemaShapes.child(n, keyword, String.valueOf(j)), "the alternative " + keyword + "/" + j
                        + " was added", false, true);
            }
            for (int i : oldLeft) {
                add(CompatibilityRule.UNION_BRANCH_REMOVED, pointer + "/" + keyword + "/" + i, path,
                        SchemaShapes.child(o, keyword, String.valueOf(i)), n, "the alternative " + keyword + "/" + i
                        + " was removed", true, false);
            }
        }
    }
}
