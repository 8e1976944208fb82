package io.github.usereventbus.runtime;

/**
 * The limits PutEvents entries and requests must respect. The defaults are today's for the classic
 * {@code events} API; they are configurable because AWS changes them (the entry limit was 256 KB until
 * early 2026) and because another transport (the newer {@code eventsv2} API) has other numbers.
 *
 * @param maxEntriesPerRequest entries one PutEvents request may carry
 * @param maxEntryBytes        the largest entry, by AWS's size formula
 * @param maxRequestBytes      the largest request: the sum of its entries' sizes
 */
public record PublishLimits(int maxEntriesPerRequest, int maxEntryBytes, int maxRequestBytes) {

    /** 1 MB, the entry and request limit since early 2026. */
    public static final int ONE_MEGABYTE = 1024 * 1024;

    /** 10 entries, 1 MB per entry and per request. */
    public static final PublishLimits EVENTBRIDGE = new PublishLimits(10, ONE_MEGABYTE, ONE_MEGABYTE);

    /**
     * @throws IllegalArgumentException if a limit is not positive or a request cannot hold the largest entry
     */
    public PublishLimits {
        if (maxEntriesPerRequest < 1 || maxEntryBytes < 1 || maxRequestBytes < maxEntryBytes) {
            throw new IllegalArgumentException("limits must be positive and a request must hold at least one"
                    + " entry of the largest size: " + maxEntriesPerRequest + ", " + maxEntryBytes + ", "
                    + maxRequestBytes);
        }
    }
}
