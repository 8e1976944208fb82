package io.github.usereventbus.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An event as EventBridge delivers it to a subscriber (an SQS message body, a Lambda input), with its
 * detail typed.
 *
 * @param <D>        the detail's type
 * @param version    the envelope version, {@code "0"}
 * @param id         the id EventBridge assigned
 * @param detailType the detail-type
 * @param source     the source
 * @param account    the account that published it, or null where an emulator leaves it out
 * @param time       the event's time
 * @param region     the region
 * @param resources  the resources' ARNs, possibly empty
 * @param replayName the replay's name for a replayed event, or null
 * @param detail     the typed detail, or null for an event this contract does not know (see
 *                   {@link #isKnown()})
 * @param rawDetail  the detail as it arrived
 */
public record Envelope<D extends BusEvent>(String version, String id, String detailType, String source,
        String account, Instant time, String region, List<String> resources, String replayName, D detail,
        JsonNode rawDetail) {

    /**
     * Copies the resources and the raw detail.
     */
    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(detailType, "detailType");
        Objects.requireNonNull(source, "source");
        resources = List.copyOf(resources);
        rawDetail = rawDetail == null ? null : rawDetail.deepCopy();
    }

    /** Whether the detail-type and source are those of an event of the contract, so {@link #detail()} is set. */
    public boolean isKnown() {
        return detail != null;
    }

    @Override
    /**
     * The detail as it arrived, a copy.
     *
     * @return the detail, or null
     */
    public JsonNode rawDetail() {
        return rawDetail == null ? null : rawDetail.deepCopy();
    }

    /** Names the event, never its detail, which may hold sensitive values. */
    @Override
    public String toString() {
        return "Envelope[" + detailType + " " + id + " from " + source + " at " + time + "]";
    }
}
