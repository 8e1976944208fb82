package io.github.usereventbus.runtime.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** Lambda's own logger where there is one (always, on Lambda), standard error elsewhere. Never logs details. */
final class LambdaLog {

    private LambdaLog() {
    }

    static void log(Context context, String line) {
        LambdaLogger logger = context == null ? null : context.getLogger();
        if (logger != null) {
            logger.log(line + "\n");
        } else {
            System.err.println(line);
        }
    }
}
