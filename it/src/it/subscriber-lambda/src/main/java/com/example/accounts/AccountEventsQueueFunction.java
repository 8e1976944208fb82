package com.example.accounts;

import com.example.accounts.events.UserEventDispatcher;
import io.github.usereventbus.runtime.lambda.SqsLambdaHandler;

/** The Lambda function on the team's SQS queue (event source mapping with ReportBatchItemFailures). */
// tag::function[]
public class AccountEventsQueueFunction extends SqsLambdaHandler {

    public AccountEventsQueueFunction() {
        super(UserEventDispatcher.tolerant().routingTo(new AccountEvents()));
    }
}
// end::function[]
