package com.example.accounts;

import com.example.accounts.events.UserEventDispatcher;
import io.github.usereventbus.runtime.lambda.EventBridgeLambdaHandler;

/** The Lambda function that is a rule's target: its input is the EventBridge envelope. */
public class AccountEventsFunction extends EventBridgeLambdaHandler {

    public AccountEventsFunction() {
        super(UserEventDispatcher.tolerant().routingTo(new AccountEvents()));
    }
}
