package io.github.usereventbus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.SchemaRegistryConfig;
import io.github.usereventbus.bench.events.UserAccountCreated;
import io.github.usereventbus.runtime.EventEntries;
import io.github.usereventbus.runtime.EventEntry;
import io.github.usereventbus.runtime.OutgoingEvent;
import io.github.usereventbus.runtime.PublishLimits;
import io.github.usereventbus.runtime.SchemaValidator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * One generated {@code UserAccountCreated} to a PutEvents entry, CPU only: ours (serialise, validate against
 * the schema, check the entry's limits and size) against the same pair written by hand with Jackson and
 * networknt (serialise to a tree, validate, write), and against Jackson serialisation alone, the floor.
 * Run with the GC profiler for the allocation per event ({@code bench/jmh/run.py} does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncodeBenchmark {

    private UserAccountCreated event;
    private List<OutgoingEvent<UserAccountCreated>> one;
    private EventEntries ours;
    private ObjectMapper mapper;
    private Schema schema;

    @Setup
    public void setUp() {
        event = Samples.created(1);
        one = List.of(OutgoingEvent.of(event));
        ours = new EventEntries(EventEntries.defaultMapper(), new SchemaValidator(), PublishLimits.EVENTBRIDGE);
        mapper = EventEntries.defaultMapper();
        // what a team writes with networknt's own API: the schema from the classpath, formats asserted
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                        .build()));
        schema = registry.getSchema(SchemaLocation.of("classpath:" + UserAccountCreated.SCHEMA));
        if (!schema.validate(mapper.valueToTree(event)).isEmpty()) {
            throw new IllegalStateException("the sample must be valid");
        }
    }

    /** The floor: Jackson writes the detail. */
    @Benchmark
    public String jacksonOnly() throws Exception {
        return mapper.writeValueAsString(event);
    }

    /** The peer: the same pair by hand, Jackson then networknt, then the SDK's entry. */
    @Benchmark
    public PutEventsRequestEntry handWritten() throws Exception {
        JsonNode tree = mapper.valueToTree(event);
        List<Error> errors = schema.validate(tree);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(errors.toString());
        }
        return PutEventsRequestEntry.builder().eventBusName("bench").source(UserAccountCreated.SOURCE)
                .detailType(UserAccountCreated.DETAIL_TYPE).detail(mapper.writeValueAsString(tree)).build();
    }

    /** Ours: the runtime's preparation, then the same SDK entry the publisher's transport builds. */
    @Benchmark
    public PutEventsRequestEntry ours() {
        EventEntry entry = ours.prepare(one).get(0);
        return PutEventsRequestEntry.builder().eventBusName("bench").source(entry.source())
                .detailType(entry.detailType()).detail(entry.detail()).build();
    }
}
