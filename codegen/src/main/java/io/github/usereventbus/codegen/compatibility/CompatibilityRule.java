package io.github.usereventbus.codegen.compatibility;

/**
 * The rules of the compatibility check, each with a stable id (its name) and advice. Whether a change
 * breaks BACKWARD, FORWARD or neither depends on the reader model and on whether the object is closed;
 * {@link SchemaDiff} decides, and the README's table lists the verdicts.
 */
public enum CompatibilityRule {
    EVENT_ADDED("subscribers on older contracts route it to onUnknownEvent; nothing to do"),
    EVENT_REMOVED("keep publishing the event until no subscriber needs it; to rename one, publish the new"
            + " detail-type alongside the old until subscribers move, then accept the removal"),
    PROPERTY_ADDED_OPTIONAL("readers that ignore unknown properties are unaffected; a closed object refuses it"
            + " in validating readers"),
    PROPERTY_ADDED_REQUIRED("add it as optional: events written before it (archives, replays, producers not yet"
            + " upgraded) lack it"),
    PROPERTY_REMOVED_OPTIONAL("readers that ignore unknown properties are unaffected; a closed object refuses it"
            + " in validating readers"),
    PROPERTY_REMOVED_REQUIRED("make it optional first and keep writing it until no subscriber reads it"),
    PROPERTY_MADE_REQUIRED("keep it optional: events written under the old contract may lack it"),
    PROPERTY_MADE_OPTIONAL("keep it required while subscribers on the old contract expect it"),
    TYPE_CHANGED("add a new property with the new type instead, and deprecate the old one"),
    TYPE_NARROWED("events written under the old contract may carry values of the dropped type"),
    TYPE_WIDENED("readers on the old contract cannot take the new values (a Java long cannot hold 1.5)"),
    ENUM_VALUE_ADDED("tolerant readers read it as the enum's unrecognised constant; validating ones refuse it"),
    ENUM_VALUE_REMOVED("events written under the old contract may carry the value; keep it, documented as"
            + " no longer written"),
    CONSTRAINT_TIGHTENED("events written under the old contract may break the new constraint"),
    CONSTRAINT_LOOSENED("readers on the old contract rely on the old constraint (a column sized by maxLength,"
            + " say)"),
    CONSTRAINT_CHANGED("neither constraint contains the other; add a new property instead"),
    UNION_BRANCH_ADDED("readers on the old contract do not know the new alternative"),
    UNION_BRANCH_REMOVED("events written under the old contract may be of the removed alternative"),
    COUNTEREXAMPLE_FOUND("a generated event that the writer's schema accepts is refused by the reader's; read the"
            + " counterexample and the reader's error");

    private final String advice;

    CompatibilityRule(String advice) {
        this.advice = advice;
    }

    public String advice() {
        return advice;
    }
}
