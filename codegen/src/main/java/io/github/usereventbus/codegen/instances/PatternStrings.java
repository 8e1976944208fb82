package io.github.usereventbus.codegen.instances;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.RegExp;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Random strings that match a schema's {@code pattern}, by a random walk through the pattern's automaton
 * (dk.brics.automaton). The common ECMA-262 forms are translated first ({@code ^}/{@code $} anchors,
 * {@code \d}, {@code \w}, {@code \s}, {@code (?:...)}); a pattern the automaton library cannot express
 * (look-arounds, back-references) gives no string, and callers fall back to their own. Callers validate what
 * they build with the schema's own validator, so a translation that is too loose costs an instance, never
 * a wrong one.
 */
final class PatternStrings {

    private static final int MAX_STEPS = 200;

    private final Map<String, Optional<Automaton>> automata = new HashMap<>();

    /** A string of {@code min} to {@code max} characters matching the pattern, or null if none was found. */
    String sample(String pattern, Random random, int min, int max) {
        Optional<Automaton> automaton = automata.computeIfAbsent(pattern, PatternStrings::compile);
        if (automaton.isEmpty()) {
            return null;
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            String walked = walk(automaton.get(), random, min, Math.min(max, min + 40));
            if (walked != null) {
                return walked;
            }
        }
        return null;
    }

    private static Optional<Automaton> compile(String pattern) {
        String translated = translate(pattern);
        if (translated == null) {
            return Optional.empty();
        }
        try {
            Automaton automaton = new RegExp(translated, RegExp.NONE).toAutomaton();
            automaton.minimize();
            return automaton.isEmpty() ? Optional.empty() : Optional.of(automaton);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** ECMA-262 to the automaton library's syntax, or null for what it cannot express. */
    static String translate(String pattern) {
        if (pattern.contains("(?=") || pattern.contains("(?!") || pattern.contains("(?<") || pattern.matches(".*\\\\[1-9].*")) {
            return null;
        }
        String p = pattern.replace("(?:", "(");
        if (p.startsWith("^")) {
            p = p.substring(1);
        }
        if (p.endsWith("$") && !p.endsWith("\\$")) {
            p = p.substring(0, p.length() - 1);
        }
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                char next = p.charAt(++i);
                String cls = switch (next) {
                    case 'd' -> "0-9";
                    case 'w' -> "a-zA-Z0-9_";
                    case 's' -> " ";
                    default -> null;
                };
                if (cls != null) {
                    out.append(inClass ? cls : "[" + cls + "]");
                } else if (next == 'D' || next == 'W' || next == 'S' || next == 'b' || next == 'B') {
                    return null;
                } else {
                    out.append('\\').append(next);
                }
                continue;
            }
            if (c == '[' && !inClass) {
                inClass = true;
            } else if (c == ']' && inClass) {
                inClass = false;
            } else if (!inClass && "@&~#<>\"".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String walk(Automaton automaton, Random random, int min, int target) {
        State state = automaton.getInitialState();
        StringBuilder text = new StringBuilder();
        for (int step = 0; step < MAX_STEPS; step++) {
            List<Transition> transitions = state.getSortedTransitions(false);
            boolean enough = text.length() >= min && (text.length() >= target || random.nextInt(4) == 0);
            if (state.isAccept() && (enough || transitions.isEmpty())) {
                return text.length() >= min ? text.toString() : null;
            }
            if (transitions.isEmpty()) {
                return null;
            }
            Transition t = transitions.get(random.nextInt(transitions.size()));
            text.append(pick(t.getMin(), t.getMax(), random));
            state = t.getDest();
        }
        return null;
    }

    /** A character of the range, printable ASCII where the range has some. */
    private static char pick(char low, char high, Random random) {
        char from = (char) Math.max(low, 0x21);
        char to = (char) Math.min(high, 0x7e);
        if (from <= to) {
            return (char) (from + random.nextInt(to - from + 1));
        }
        return (char) (low + random.nextInt(high - low + 1));
    }
}
