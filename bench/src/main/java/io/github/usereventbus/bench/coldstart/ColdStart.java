package io.github.usereventbus.bench.coldstart;

import java.lang.management.ManagementFactory;

/** What every cold-start program reports: milliseconds from the JVM's start to its first event done. */
final class ColdStart {

    private ColdStart() {
    }

    static void report() {
        long elapsed = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("first-event-ms=" + elapsed);
    }
}
