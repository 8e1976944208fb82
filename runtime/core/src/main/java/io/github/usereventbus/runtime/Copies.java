package io.github.usereventbus.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Deep, unmodifiable copies of collections, for generated records: each element is copied by the given
 * function (nested collections, JSON trees), the order of the JSON array or object is kept, and a null
 * element is refused with the property's name, since JSON Schema types never allow one where the
 * generated type has none.
 */
public final class Copies {

    private Copies() {
    }

    /**
     * @param <T>      the element type
     * @param property the JSON name of the property, for the message
     * @param items    the list, or null
     * @param copy     copies one element
     * @return an unmodifiable copy, or null for null
     * @throws IllegalArgumentException if an element is null
     */
    public static <T> List<T> list(String property, List<T> items, UnaryOperator<T> copy) {
        if (items == null) {
            return null;
        }
        List<T> copied = new ArrayList<>(items.size());
        int index = 0;
        for (T item : items) {
            copied.add(copy.apply(requireElement(property, item, "index " + index++)));
        }
        return Collections.unmodifiableList(copied);
    }

    /**
     * @param <T>      the element type
     * @param property the JSON name of the property, for the message
     * @param items    the set, or null
     * @param copy     copies one element
     * @return an unmodifiable copy in the same order, or null for null
     * @throws IllegalArgumentException if an element is null
     */
    public static <T> Set<T> set(String property, Set<T> items, UnaryOperator<T> copy) {
        if (items == null) {
            return null;
        }
        Set<T> copied = new LinkedHashSet<>();
        int index = 0;
        for (T item : items) {
            copied.add(copy.apply(requireElement(property, item, "index " + index++)));
        }
        return Collections.unmodifiableSet(copied);
    }

    /**
     * @param <V>      the value type
     * @param property the JSON name of the property, for the message
     * @param entries  the map, or null
     * @param copy     copies one value
     * @return an unmodifiable copy in the same order, or null for null
     * @throws IllegalArgumentException if a value is null
     */
    public static <V> Map<String, V> map(String property, Map<String, V> entries, UnaryOperator<V> copy) {
        if (entries == null) {
            return null;
        }
        Map<String, V> copied = new LinkedHashMap<>();
        for (Map.Entry<String, V> entry : entries.entrySet()) {
            copied.put(entry.getKey(), copy.apply(requireElement(property, entry.getValue(), "key '" + entry.getKey() + "'")));
        }
        return Collections.unmodifiableMap(copied);
    }

    private static <T> T requireElement(String property, T item, String where) {
        if (item == null) {
            throw new IllegalArgumentException(property + " holds a null element at " + where
                    + "; its schema allows none");
        }
        return item;
    }
}
