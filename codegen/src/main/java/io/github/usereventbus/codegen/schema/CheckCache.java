package io.github.usereventbus.codegen.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The checks that passed in the last generation, by a digest of what each checked: a document's text for its
 * meta-schema check, an event's text and the texts of every schema it refers to for its examples. A check
 * whose digest passed before is not run again; the generator's version is part of every digest.
 *
 * @param passedBefore digests read from the last generation
 * @param passedNow    digests of the checks that pass now, to be kept for the next one
 */
public record CheckCache(String salt, Set<String> passedBefore, Set<String> passedNow) {

    /** No cache: every check runs. */
    public static CheckCache none() {
        return new CheckCache("", Set.of(), new HashSet<>());
    }

    public static CheckCache of(String salt, Set<String> passedBefore) {
        return new CheckCache(salt, Set.copyOf(passedBefore), new HashSet<>());
    }

    public String key(String check, List<String> texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((check + "|" + salt).getBytes(StandardCharsets.UTF_8));
            for (String text : texts) {
                sha.update((byte) 0);
                sha.update(text.getBytes(StandardCharsets.UTF_8));
            }
            return check + ":" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
