package com.example.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.subscriber.events.Reason;
import com.example.subscriber.events.UserAccountCreated;
import com.example.subscriber.events.UserAccountDeleted;
import com.example.subscriber.events.UserAccountUpdated;
import com.example.subscriber.events.UserEventHandler;
import com.example.subscriber.events.UserEventPatterns;
import com.example.subscriber.events.UserEventPublisher;
import io.github.usereventbus.runtime.Envelope;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Producer to subscriber service on moto: the facade publishes, a family rule routes to SQS, the consumer handles. */
class SqsConsumerRoundTripTest {

    @Test
    void theConsumerHandlesEveryEventOfTheFamilyAndEmptiesItsQueue() throws Exception {
        try (Moto moto = Moto.start()) {
            Moto.Queue queue = moto.queue("accounts");
            for (int i = 0; i < UserEventPatterns.ALL_EVENTS_RULES.size(); i++) {
                moto.route("accounts-" + i, UserEventPatterns.ALL_EVENTS_RULES.get(i), queue);
            }
            SqsClient sqs = moto.sqs;
            String queueUrl = queue.url();

            List<String> seen = new CopyOnWriteArrayList<>();
            CountDownLatch two = new CountDownLatch(2);
            UserEventHandler handler = new UserEventHandler() {
                @Override
                public void onUserAccountCreated(Envelope<UserAccountCreated> e) {
                    seen.add("created " + e.id());
                    two.countDown();
                }

                @Override
                public void onUserAccountUpdated(Envelope<UserAccountUpdated> e) {
                    seen.add("updated " + e.id());
                    two.countDown();
                }

                @Override
                public void onUserAccountDeleted(Envelope<UserAccountDeleted> e) {
                    seen.add("deleted " + e.detail().reason().value() + " " + e.id());
                    two.countDown();
                }
            };
            UserAccountDeleted deleted = UserAccountDeleted.builder().userId(UUID.randomUUID())
                    .deletedAt(Instant.parse("2026-11-29T08:00:00Z")).reason(Reason.INACTIVE).build();
            UserAccountUpdated updated = UserAccountUpdated.builder().userId(deleted.userId())
                    .updatedAt(Instant.parse("2026-11-28T08:00:00Z")).revision(3L)
                    .changedFields(List.of(com.example.subscriber.events.ChangedField.EMAIL)).email("a@example.com").build();
            try (AccountEventsService service = new AccountEventsService(sqs, queueUrl, handler)) {
                try (UserEventPublisher publisher = new UserEventPublisher(moto.publisher().build())) {
                    var results = publisher.publishAll(List.of(updated, deleted));
                    assertThat(two.await(30, TimeUnit.SECONDS)).as("both events handled").isTrue();
                    assertThat(seen).containsExactlyInAnyOrder("updated " + results.get(0).eventId(),
                            "deleted inactive " + results.get(1).eventId());
                }
            }
            assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages())
                    .as("handled messages are deleted").isEmpty();
        }
    }
}
